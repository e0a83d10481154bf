package dev.switchyard.sctp.association;

/**
 * A message handed to {@link Association#send}, until every fragment was acknowledged or it was abandoned
 * (partial reliability, RFC 3758).
 */
final class OutgoingMessage {

    final int streamId;
    final long payloadProtocolId;
    final byte[] data;
    final boolean ordered;
    /** Retransmissions allowed per fragment, or -1: no limit. */
    final int maxRetransmits;
    /** When the message is abandoned if not yet acknowledged, or Long.MAX_VALUE: never. */
    final long expiresAtNanos;
    /** The stream sequence number, assigned when its first fragment is sent. */
    int streamSequence = -1;
    /** Bytes of {@link #data} already cut into fragments. */
    int fragmented;
    boolean abandoned;

    OutgoingMessage(int streamId, long payloadProtocolId, byte[] data, boolean ordered, int maxRetransmits,
                    long expiresAtNanos) {
        this.streamId = streamId;
        this.payloadProtocolId = payloadProtocolId;
        this.data = data;
        this.ordered = ordered;
        this.maxRetransmits = maxRetransmits;
        this.expiresAtNanos = expiresAtNanos;
    }

    boolean isReliable() {
        return maxRetransmits < 0 && expiresAtNanos == Long.MAX_VALUE;
    }

    boolean isFullyFragmented() {
        return fragmented == data.length;
    }
}
