package dev.switchyard.sctp.association;

import dev.switchyard.sctp.chunk.DataChunk;

/** A DATA chunk that has a TSN: in flight, acknowledged by a gap block, due again, or abandoned. */
final class SentChunk {

    final long tsn;
    final DataChunk chunk;
    final OutgoingMessage message;
    long sentAtNanos;
    int transmissions;
    /** SACKs that reported it missing while acknowledging later TSNs (RFC 9260 §7.2.4). */
    int missingReports;
    boolean gapAcked;
    boolean dueForRetransmission;
    /** Counted in the flight size: sent and neither acknowledged, abandoned nor due again. */
    boolean inFlight;

    SentChunk(long tsn, DataChunk chunk, OutgoingMessage message) {
        this.tsn = tsn;
        this.chunk = chunk;
        this.message = message;
    }

    int size() {
        return chunk.payload().length;
    }
}
