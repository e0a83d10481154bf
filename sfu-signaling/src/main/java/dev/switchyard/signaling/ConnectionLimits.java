package dev.switchyard.signaling;

/**
 * How much one client may ask of the signaling port: connections from one address at once, and messages per
 * socket (a token bucket: a steady rate with room for a burst, such as the candidates of a fresh connection).
 * A client past either is cut off, so that one flood cannot starve the sockets that share its event loop.
 *
 * @param maxConnectionsPerAddress open connections from one IP address; more are closed at once
 * @param messagesPerSecond        the steady message rate one WebSocket may keep up
 * @param messageBurst             messages one WebSocket may send at once above that rate
 */
public record ConnectionLimits(int maxConnectionsPerAddress, int messagesPerSecond, int messageBurst) {

    /** Room for a load generator's hundreds of sockets from one address, and for any honest client's pace. */
    public static final ConnectionLimits DEFAULTS = new ConnectionLimits(1000, 50, 200);

    public ConnectionLimits {
        if (maxConnectionsPerAddress < 1 || messagesPerSecond < 1 || messageBurst < 1) {
            throw new IllegalArgumentException("connection limits must be at least 1: " + this);
        }
    }
}
