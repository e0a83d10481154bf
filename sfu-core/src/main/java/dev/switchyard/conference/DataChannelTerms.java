package dev.switchyard.conference;

/**
 * What a publisher's offer and the server's answer agreed for data channels (RFC 8841): the SCTP port both
 * ends use and the largest message either end takes (the smaller of the two {@code a=max-message-size}).
 */
record DataChannelTerms(int sctpPort, int maxMessageSize) {
}
