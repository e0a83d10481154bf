package dev.switchyard.transport.srtp;

/**
 * A bounded map from SSRC to a per-stream value that allocates nothing on lookup: open addressing with
 * linear probing over arrays sized twice the limit. Entries are never removed, so a full table stays full;
 * the bound is what keeps packets with random SSRCs from growing memory. Not thread-safe.
 */
final class SsrcTable<V> {

    private final int limit;
    private final int mask;
    private final int[] keys;
    private final Object[] values;
    private int size;

    SsrcTable(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        this.limit = limit;
        int slots = Integer.highestOneBit(limit * 2 - 1) << 1;
        this.mask = slots - 1;
        this.keys = new int[slots];
        this.values = new Object[slots];
    }

    /** The value stored for {@code ssrc}, or {@code null}. */
    @SuppressWarnings("unchecked")
    V get(int ssrc) {
        for (int slot = slotOf(ssrc); values[slot] != null; slot = (slot + 1) & mask) {
            if (keys[slot] == ssrc) {
                return (V) values[slot];
            }
        }
        return null;
    }

    boolean isFull() {
        return size == limit;
    }

    /**
     * Stores a value for an SSRC that has none.
     *
     * @throws IllegalStateException if the table is full
     */
    void put(int ssrc, V value) {
        if (isFull()) {
            throw new IllegalStateException("SSRC table is full (" + limit + ")");
        }
        int slot = slotOf(ssrc);
        while (values[slot] != null) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = ssrc;
        values[slot] = value;
        size++;
    }

    int size() {
        return size;
    }

    private int slotOf(int ssrc) {
        // SSRCs are random (RFC 3550 §8.1) but may be chosen by an attacker: scramble before masking.
        return (ssrc * 0x9E3779B9 >>> 16) & mask;
    }
}
