package dev.switchyard.media;

/**
 * Caps the bitrate one subscriber's retransmissions may take (a token bucket refilled at the cap, holding a
 * quarter of a second at most), so that a subscriber on a lossy link cannot make the server send without bound.
 * Thread-safe; allocates nothing.
 */
public final class RetransmissionBudget {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long bitsPerSecond;
    private final long burstBits;
    private long tokenBits;
    private long refilledAtNanos;

    public RetransmissionBudget(long bitsPerSecond, long nowNanos) {
        if (bitsPerSecond <= 0) {
            throw new IllegalArgumentException("bitsPerSecond must be positive: " + bitsPerSecond);
        }
        this.bitsPerSecond = bitsPerSecond;
        this.burstBits = bitsPerSecond / 4;
        this.tokenBits = burstBits;
        this.refilledAtNanos = nowNanos;
    }

    /** Whether a retransmission may go out now; a packet sent on a small positive balance may overdraw it. */
    public synchronized boolean mayRetransmit(long nowNanos) {
        refill(nowNanos);
        return tokenBits > 0;
    }

    /** Charges a retransmission that went out. */
    public synchronized void charge(int bytes, long nowNanos) {
        refill(nowNanos);
        tokenBits -= bytes * 8L;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - refilledAtNanos;
        if (elapsed > 0) {
            tokenBits = Math.min(burstBits, tokenBits + elapsed * bitsPerSecond / NANOS_PER_SECOND);
            refilledAtNanos = nowNanos;
        }
    }
}
