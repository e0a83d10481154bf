package dev.switchyard.signaling;

/**
 * A token bucket over one socket's messages: it holds up to {@code burst} tokens, gains {@code perSecond} a
 * second, and each message takes one. Used on the socket's event loop only.
 */
final class MessageRateLimit {

    private final double perNano;
    private final double burst;
    private double tokens;
    private long lastNanos;

    MessageRateLimit(int perSecond, int burst, long nowNanos) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.lastNanos = nowNanos;
    }

    /** Takes a token for one message; false if the socket has used up its burst. */
    boolean tryAcquire(long nowNanos) {
        tokens = Math.min(burst, tokens + (nowNanos - lastNanos) * perNano);
        lastNanos = nowNanos;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
