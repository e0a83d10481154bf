package dev.switchyard.media;

import java.util.concurrent.locks.StampedLock;

import dev.switchyard.buffer.PacketBuffer;

/**
 * The most recent packets of one received stream, by extended sequence number, kept so that a subscriber's NACK
 * can be answered without asking the publisher (Jitsi Videobridge keeps one such cache per source stream, not
 * one per subscriber, which keeps memory flat as a room grows).
 *
 * <p>One thread stores (the stream's receiving thread); any thread may read. Each slot has a
 * {@link StampedLock}: a reader copies optimistically and retries or gives up if the slot was overwritten
 * meanwhile, so the receiving thread never waits for a reader. Nothing is allocated after construction.
 */
public final class PacketCache {

    private final int mask;
    private final byte[][] data;
    private final int[] lengths;
    private final long[] sequences;
    private final StampedLock[] locks;

    /** @param capacity packets kept; rounded up to a power of two */
    public PacketCache(int capacity, int maxPacketBytes) {
        if (capacity < 1 || maxPacketBytes < 1) {
            throw new IllegalArgumentException("capacity and maxPacketBytes must be positive");
        }
        int slots = Integer.highestOneBit(capacity - 1) << 1;
        slots = Math.max(1, slots);
        mask = slots - 1;
        data = new byte[slots][maxPacketBytes];
        lengths = new int[slots];
        sequences = new long[slots];
        locks = new StampedLock[slots];
        for (int i = 0; i < slots; i++) {
            sequences[i] = -1;
            locks[i] = new StampedLock();
        }
    }

    public int capacity() {
        return mask + 1;
    }

    /** Keeps a copy of {@code packet} under {@code extendedSequence}; a packet too large is not kept. */
    public void store(long extendedSequence, PacketBuffer packet) {
        int length = packet.length();
        int slot = (int) extendedSequence & mask;
        if (length > data[slot].length) {
            return;
        }
        StampedLock lock = locks[slot];
        long stamp = lock.writeLock();
        try {
            System.arraycopy(packet.buffer(), packet.offset(), data[slot], 0, length);
            lengths[slot] = length;
            sequences[slot] = extendedSequence;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /**
     * Copies the packet stored under {@code extendedSequence} into {@code into} (at offset 0).
     *
     * @return false if it is no longer (or never was) in the cache
     */
    public boolean copy(long extendedSequence, PacketBuffer into) {
        int slot = (int) extendedSequence & mask;
        StampedLock lock = locks[slot];
        long stamp = lock.tryOptimisticRead();
        if (stamp == 0 || sequences[slot] != extendedSequence) {
            return false;
        }
        int length = lengths[slot];
        if (length > into.capacity()) {
            return false;
        }
        System.arraycopy(data[slot], 0, into.buffer(), 0, length);
        if (!lock.validate(stamp)) {
            return false;
        }
        into.setOffsetLength(0, length);
        return true;
    }
}
