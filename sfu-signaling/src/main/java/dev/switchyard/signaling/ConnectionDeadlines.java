package dev.switchyard.signaling;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the signaling port waits for a client before it closes the connection, so that connections which
 * stall, go silent or never join hold no socket, memory or event-loop time for long.
 *
 * @param httpRequest   an HTTP connection must deliver a complete request within this of opening, and of its
 *                      previous response (keep-alive); a slowly trickled request is closed when it runs out
 * @param pingInterval  a WebSocket that sent nothing for this long is pinged (RFC 6455 §5.5.2; browsers answer)
 * @param idle          a WebSocket that sent nothing for this long, not even a pong, is closed
 * @param join          a WebSocket that has not joined a room within this of its upgrade is closed
 */
public record ConnectionDeadlines(Duration httpRequest, Duration pingInterval, Duration idle, Duration join) {

    /** A browser answers pings, so three missed intervals mean the client or its network is gone. */
    public static final ConnectionDeadlines DEFAULTS = new ConnectionDeadlines(Duration.ofSeconds(10),
            Duration.ofSeconds(15), Duration.ofSeconds(45), Duration.ofSeconds(20));

    public ConnectionDeadlines {
        requirePositive("httpRequest", httpRequest);
        requirePositive("pingInterval", pingInterval);
        requirePositive("idle", idle);
        requirePositive("join", join);
        if (idle.compareTo(pingInterval) <= 0) {
            throw new IllegalArgumentException("the idle deadline (" + idle.toSeconds()
                    + " s) must be longer than the ping interval (" + pingInterval.toSeconds()
                    + " s), or a live client is closed before it can answer a ping");
        }
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " deadline must be positive: " + value);
        }
    }
}
