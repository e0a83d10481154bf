package dev.switchyard.media;

/**
 * Asks a publisher again for the packets of one received stream that did not arrive (RFC 4585 §6.2.1 NACK),
 * before subscribers notice: a gap in the extended sequence numbers adds the missing ones; each is requested
 * at once and again whenever the answer is overdue, each wait a quarter longer than the last, until it arrives
 * (late or as RTX), has been requested {@code maxRequests} times or has been missing for
 * {@link #MAX_REPAIR_NANOS}; then it is given up and a keyframe is asked for instead, as it is when a gap is too
 * large to be worth repairing.
 *
 * <p>Owned by the stream's receiving thread; allocates nothing after construction.
 */
public final class NackGenerator {

    /** Packets missing at once that are tracked; a larger loss is repaired by a keyframe. */
    private static final int CAPACITY = 256;

    /**
     * The shortest wait between two requests for one packet: on a short path the publisher's pacer, not the
     * path, decides when the retransmission leaves, and asking again before it had a chance only doubles it.
     */
    static final long MIN_RETRY_INTERVAL_NANOS = 20_000_000L;
    /**
     * How long a packet is waited for at most: past a second, subscribers' jitter buffers have moved on and a
     * keyframe repairs sooner than further requests would.
     */
    static final long MAX_REPAIR_NANOS = 1_000_000_000L;

    private final int maxRequests;
    private long retryIntervalNanos;
    private final long[] missing = new long[CAPACITY];
    private final long[] firstRequestNanos = new long[CAPACITY];
    private final long[] nextRequestNanos = new long[CAPACITY];
    private final int[] requests = new int[CAPACITY];
    private int count;
    private boolean started;
    private long highest;
    private boolean keyframeNeeded;

    /**
     * @param maxRequests how often a missing packet is requested before it is given up
     * @param retryIntervalNanos time between two requests for the same packet until a round trip is known
     */
    public NackGenerator(int maxRequests, long retryIntervalNanos) {
        if (maxRequests < 1 || retryIntervalNanos <= 0) {
            throw new IllegalArgumentException("maxRequests and retryIntervalNanos must be positive");
        }
        this.maxRequests = maxRequests;
        this.retryIntervalNanos = retryIntervalNanos;
    }

    /**
     * Bounds the retry schedule by the measured round trip: the first wait for an answer is a round trip and a
     * quarter (for jitter), never shorter than {@link #MIN_RETRY_INTERVAL_NANOS}.
     */
    public void setRoundTrip(long roundTripNanos) {
        retryIntervalNanos = Math.max(MIN_RETRY_INTERVAL_NANOS, roundTripNanos + roundTripNanos / 4);
    }

    /** The wait between the first and the second request for a packet; later waits grow from it. */
    public long retryIntervalNanos() {
        return retryIntervalNanos;
    }

    /**
     * Notes a received packet by extended sequence number: a gap before it becomes missing packets.
     *
     * @return how many packets this one showed to be missing and are now awaited; 0 for a gap too large to
     *         repair packet by packet (a jump or a burst: a keyframe repairs it, no NACK is sent)
     */
    public int onPacket(long extendedSequence) {
        if (!started) {
            started = true;
            highest = extendedSequence;
            return 0;
        }
        if (extendedSequence <= highest) {
            remove(extendedSequence);
            return 0;
        }
        long gap = extendedSequence - highest - 1;
        int awaited = 0;
        if (gap > CAPACITY - count) {
            // Too much lost to repair packet by packet: forget it and start over from a keyframe.
            count = 0;
            keyframeNeeded = true;
        } else {
            for (long sequence = highest + 1; sequence < extendedSequence; sequence++) {
                missing[count] = sequence;
                requests[count] = 0;
                count++;
            }
            awaited = (int) gap;
        }
        highest = extendedSequence;
        return awaited;
    }

    /** Whether {@code extendedSequence} is awaited: a retransmission of anything else is a duplicate. */
    public boolean isMissing(long extendedSequence) {
        for (int i = 0; i < count; i++) {
            if (missing[i] == extendedSequence) {
                return true;
            }
        }
        return false;
    }

    private void remove(long extendedSequence) {
        for (int i = 0; i < count; i++) {
            if (missing[i] == extendedSequence) {
                removeAt(i);
                return;
            }
        }
    }

    private void removeAt(int index) {
        count--;
        missing[index] = missing[count];
        firstRequestNanos[index] = firstRequestNanos[count];
        nextRequestNanos[index] = nextRequestNanos[count];
        requests[index] = requests[count];
    }

    /**
     * Collects the packets due for a request now into {@code lost} (16-bit sequence numbers) and counts the
     * request; packets requested too often are given up.
     *
     * @return how many of {@code lost} are filled
     */
    public int poll(long nowNanos, int[] lost) {
        int filled = 0;
        for (int i = 0; i < count && filled < lost.length; ) {
            if (requests[i] == 0) {
                firstRequestNanos[i] = nowNanos;
            } else if (nowNanos - nextRequestNanos[i] < 0) {
                i++;
                continue;
            } else if (requests[i] >= maxRequests || nowNanos - firstRequestNanos[i] >= MAX_REPAIR_NANOS) {
                removeAt(i);
                keyframeNeeded = true;
                continue;
            }
            lost[filled++] = (int) (missing[i] & 0xFFFF);
            nextRequestNanos[i] = nowNanos + waitAfterRequest(requests[i]);
            requests[i]++;
            i++;
        }
        return filled;
    }

    /** The wait after request number {@code earlier + 1}: the retry interval, a quarter longer per earlier one. */
    private long waitAfterRequest(int earlier) {
        long wait = retryIntervalNanos;
        for (int i = 0; i < earlier; i++) {
            wait += wait / 4;
        }
        return wait;
    }

    /** True once, after packets were given up: the stream then needs a keyframe. */
    public boolean takeKeyframeNeed() {
        boolean needed = keyframeNeeded;
        keyframeNeeded = false;
        return needed;
    }

    /** Packets currently awaited. */
    public int missingCount() {
        return count;
    }
}
