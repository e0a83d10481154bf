package dev.switchyard.loadgen;

/**
 * What one subscriber received, per publisher stream (indexed by {@link Probe#streamKey}): packet and byte
 * totals, the first and highest probe count seen, and the one-way latency of packets received while measuring.
 * Written by the subscriber transport's receiving thread, read by the run; the lock is never contended for long.
 */
final class Reception {

    private final long[] packets;
    private final long[] bytes;
    private final int[] firstCount;
    private final LatencyHistogram latency = new LatencyHistogram();
    private long totalPackets;
    private long totalBytes;
    private long firstPacketNanos;

    Reception(int streamKeys) {
        packets = new long[streamKeys];
        bytes = new long[streamKeys];
        firstCount = new int[streamKeys];
    }

    /** Returns false for a stream key outside the run (a stray packet). */
    synchronized boolean record(int streamKey, int count, int payloadBytes, long sentNanos, long receivedNanos,
                                boolean measuring) {
        if (streamKey < 0 || streamKey >= packets.length) {
            return false;
        }
        if (packets[streamKey] == 0) {
            firstCount[streamKey] = count;
        }
        if (totalPackets == 0) {
            firstPacketNanos = receivedNanos;
        }
        packets[streamKey]++;
        bytes[streamKey] += payloadBytes;
        totalPackets++;
        totalBytes += payloadBytes;
        if (measuring) {
            latency.record((receivedNanos - sentNanos) / 1000);
        }
        return true;
    }

    synchronized long totalPackets() {
        return totalPackets;
    }

    synchronized long totalBytes() {
        return totalBytes;
    }

    /** {@link System#nanoTime()} of the first packet, or 0 before it. */
    synchronized long firstPacketNanos() {
        return firstPacketNanos;
    }

    synchronized long packets(int streamKey) {
        return packets[streamKey];
    }

    /**
     * Packets of a stream the sender sent after this subscriber's first packet of it and that never arrived.
     * The server starts a video subscription at a keyframe, so what came before the first packet is not lost.
     */
    synchronized long lost(int streamKey, int sentByPublisher) {
        if (packets[streamKey] == 0) {
            return 0;
        }
        long expected = (long) sentByPublisher - firstCount[streamKey];
        return Math.max(0, expected - packets[streamKey]);
    }

    synchronized long expected(int streamKey, int sentByPublisher) {
        return packets[streamKey] == 0 ? 0 : (long) sentByPublisher - firstCount[streamKey];
    }

    synchronized void addLatencyTo(LatencyHistogram total) {
        total.add(latency);
    }
}
