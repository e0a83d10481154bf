package dev.switchyard.signaling;

import java.util.concurrent.atomic.AtomicLong;

/** Connections the signaling server refused or cut off to protect everyone else, counted since it started. */
public final class SignalingCounters {

    private final AtomicLong connectionsRefused = new AtomicLong();
    private final AtomicLong floodersClosed = new AtomicLong();
    private final AtomicLong slowReadersClosed = new AtomicLong();

    void countConnectionRefused() {
        connectionsRefused.incrementAndGet();
    }

    void countFlooderClosed() {
        floodersClosed.incrementAndGet();
    }

    void countSlowReaderClosed() {
        slowReadersClosed.incrementAndGet();
    }

    /** Connections closed at accept because their address had the most it may open. */
    public long connectionsRefused() {
        return connectionsRefused.get();
    }

    /** WebSockets closed (1008) for sending messages faster than the limit. */
    public long floodersClosed() {
        return floodersClosed.get();
    }

    /** WebSockets closed because they stopped reading while too much waited for them. */
    public long slowReadersClosed() {
        return slowReadersClosed.get();
    }
}
