package dev.switchyard.signaling;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;

/** Counts the open connections from each address, refusing those past the limit. Thread-safe. */
final class ConnectionsPerAddress {

    private final int limit;
    private final ConcurrentHashMap<InetAddress, Integer> open = new ConcurrentHashMap<>();

    ConnectionsPerAddress(int limit) {
        this.limit = limit;
    }

    /** Counts a new connection from {@code address}; false (and nothing counted) if it would pass the limit. */
    boolean tryOpen(InetAddress address) {
        boolean[] admitted = new boolean[1];
        open.compute(address, (key, count) -> {
            int current = count == null ? 0 : count;
            admitted[0] = current < limit;
            return admitted[0] ? current + 1 : count;
        });
        return admitted[0];
    }

    /** A connection counted by {@link #tryOpen} closed. */
    void closed(InetAddress address) {
        open.computeIfPresent(address, (key, count) -> count == 1 ? null : count - 1);
    }
}
