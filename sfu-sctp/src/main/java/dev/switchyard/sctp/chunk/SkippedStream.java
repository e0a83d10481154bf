package dev.switchyard.sctp.chunk;

import dev.switchyard.sctp.Unsigned;

/**
 * One stream of a FORWARD TSN (RFC 3758 §3.2): ordered messages on {@code streamId} up to
 * {@code streamSequence} inclusive were abandoned.
 *
 * @param streamId       16 bits
 * @param streamSequence the largest stream sequence number skipped, 16 bits
 */
public record SkippedStream(int streamId, int streamSequence) {

    public SkippedStream {
        Unsigned.requireUint16("stream identifier", streamId);
        Unsigned.requireUint16("stream sequence number", streamSequence);
    }
}
