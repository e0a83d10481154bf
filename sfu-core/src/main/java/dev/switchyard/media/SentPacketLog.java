package dev.switchyard.media;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * For the most recent packets a send stream sent, which received packet each was and the timestamp it carried:
 * enough to rebuild any of them from the source stream's {@link PacketCache} when the subscriber asks for it
 * again (RFC 4585 NACK). Sixteen bytes per entry instead of a copy of every packet per subscriber.
 *
 * <p>Written by the sending thread only; any thread may look up. A writer invalidates an entry before changing
 * it and stores with release semantics, and a reader accepts an entry only if it read the same output value
 * before and after the source sequence, so a racing overwrite yields "not found", never a mismatched packet.
 */
final class SentPacketLog {

    private static final long NOT_FOUND = -1;
    /** An output value no entry can have: its sequence field is 17 bits wide. */
    private static final long INVALID = 0x1_0000L;

    private final int mask;
    private final AtomicLongArray sourceSequences;
    /** Output timestamp (high 32 bits) and output sequence number (low 16 bits) of each entry. */
    private final AtomicLongArray outputs;

    SentPacketLog(int capacity) {
        int slots = Math.max(1, Integer.highestOneBit(Math.max(1, capacity) - 1) << 1);
        mask = slots - 1;
        sourceSequences = new AtomicLongArray(slots);
        outputs = new AtomicLongArray(slots);
        for (int i = 0; i < slots; i++) {
            outputs.lazySet(i, INVALID);
        }
    }

    void record(int outputSequence, long outputTimestamp, long sourceExtendedSequence) {
        int slot = outputSequence & mask;
        outputs.lazySet(slot, INVALID);
        sourceSequences.lazySet(slot, sourceExtendedSequence);
        outputs.lazySet(slot, (outputTimestamp << 32) | outputSequence);
    }

    /** Forgets every entry (the source stream changed). */
    void clear() {
        for (int i = 0; i < outputs.length(); i++) {
            outputs.lazySet(i, INVALID);
        }
    }

    /**
     * Looks up the packet sent as {@code outputSequence}.
     *
     * @return the source stream's extended sequence number and, through {@code timestamp}, the output timestamp;
     *         -1 if it is no longer logged
     */
    long find(int outputSequence, long[] timestamp) {
        int slot = outputSequence & mask;
        long before = outputs.get(slot);
        long source = sourceSequences.get(slot);
        long after = outputs.get(slot);
        if (before != after || (before & 0x1_FFFFL) != outputSequence) {
            return NOT_FOUND;
        }
        timestamp[0] = before >>> 32;
        return source;
    }
}
