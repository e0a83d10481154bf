package dev.switchyard.sctp.channel;

import dev.switchyard.sctp.dcep.DataChannelOpen;

/**
 * One data channel: a pair of SCTP streams with the same number (RFC 8831 §6.5), opened by label with the
 * Data Channel Establishment Protocol (RFC 8832), with the reliability its opener chose.
 *
 * @param streamId        the stream number of both directions
 * @param label           the application's name for it
 * @param protocol        the subprotocol named at opening, often empty
 * @param ordered         messages arrive in the order sent
 * @param maxRetransmits  retransmissions per message before it is given up, or -1 for no limit
 * @param maxLifetimeMillis how long a message is retransmitted before it is given up, or -1 for no limit
 */
public record DataChannel(int streamId, String label, String protocol, boolean ordered, int maxRetransmits,
                          long maxLifetimeMillis) {

    /** Reliable and ordered, what a browser's {@code createDataChannel(label)} asks for. */
    public static DataChannel reliable(int streamId, String label) {
        return new DataChannel(streamId, label, "", true, -1, -1);
    }

    boolean isReliable() {
        return maxRetransmits < 0 && maxLifetimeMillis < 0;
    }

    /** The channel as an opener announces it (RFC 8832 §5.1). */
    DataChannelOpen toOpenMessage() {
        int type;
        long parameter = 0;
        if (maxRetransmits >= 0) {
            type = DataChannelOpen.PARTIAL_RELIABLE_REXMIT;
            parameter = maxRetransmits;
        } else if (maxLifetimeMillis >= 0) {
            type = DataChannelOpen.PARTIAL_RELIABLE_TIMED;
            parameter = maxLifetimeMillis;
        } else {
            type = DataChannelOpen.RELIABLE;
        }
        return new DataChannelOpen(ordered ? type : type | 0x80, 0, parameter, label, protocol);
    }

    /** The channel a peer's DATA_CHANNEL_OPEN describes. */
    static DataChannel fromOpenMessage(int streamId, DataChannelOpen open) {
        int reliability = open.channelType() & 0x7F;
        int maxRetransmits = reliability == DataChannelOpen.PARTIAL_RELIABLE_REXMIT
                ? (int) Math.min(Integer.MAX_VALUE, open.reliabilityParameter()) : -1;
        long maxLifetime = reliability == DataChannelOpen.PARTIAL_RELIABLE_TIMED ? open.reliabilityParameter() : -1;
        return new DataChannel(streamId, open.label(), open.protocol(), open.ordered(), maxRetransmits, maxLifetime);
    }
}
