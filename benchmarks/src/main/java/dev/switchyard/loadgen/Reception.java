package dev.switchyard.loadgen;

/**
 * What one subscriber received, per publisher stream (indexed by {@link Probe#streamKey}): packet and byte
 * totals, the probe count of the first packet, and the one-way latency of the sampled packets received while
 * measuring. Written by the receiving thread, read by the run; the lock is never contended for long.
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

    /**
     * A packet whose probe was read: counted, the first of its stream sets where the stream started for this
     * subscriber, and its one-way latency is kept if {@code measuring}. Returns false for a stream key outside
     * the run (a stray packet).
     */
    synchronized boolean record(int streamKey, int count, int rtpBytes, long sentNanos, long receivedNanos,
                                boolean measuring) {
        if (streamKey < 0 || streamKey >= packets.length) {
            return false;
        }
        if (packets[streamKey] == 0) {
            firstCount[streamKey] = count;
        }
        count(streamKey, rtpBytes, receivedNanos);
        if (measuring) {
            latency.record((receivedNanos - sentNanos) / 1000);
        }
        return true;
    }

    /**
     * A packet known by its clear-text header only, of a stream that already has a {@link #record}ed packet
     * (which is how its stream key became known).
     */
    synchronized void count(int streamKey, int rtpBytes, long receivedNanos) {
        if (totalPackets == 0) {
            firstPacketNanos = receivedNanos;
        }
        packets[streamKey]++;
        bytes[streamKey] += rtpBytes;
        totalPackets++;
        totalBytes += rtpBytes;
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
