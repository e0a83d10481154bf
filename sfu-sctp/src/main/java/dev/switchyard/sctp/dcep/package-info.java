/**
 * Data Channel Establishment Protocol (RFC 8832): the DATA_CHANNEL_OPEN and DATA_CHANNEL_ACK messages carried
 * in DATA chunks with payload protocol {@link dev.switchyard.sctp.PayloadProtocol#DCEP}.
 */
package dev.switchyard.sctp.dcep;
