package dev.switchyard.signaling.sfu;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The STUN and TURN servers a participant is told about in {@code joined}: the configured ones, which carry no
 * credentials, and, where a TURN secret is configured, a TURN server with credentials of the participant's own.
 */
public final class IceServers {

    private final List<IceServer> shared;
    private final Optional<TurnCredentials> turn;

    /** @throws IllegalArgumentException if a shared server carries credentials, which every joiner would get */
    public IceServers(List<IceServer> shared, Optional<TurnCredentials> turn) {
        for (IceServer server : shared) {
            if (server.username() != null || server.credential() != null) {
                throw new IllegalArgumentException("static TURN credentials would be handed to every joiner: "
                        + "configure a TURN secret instead");
            }
        }
        this.shared = List.copyOf(shared);
        this.turn = turn;
    }

    public static IceServers none() {
        return new IceServers(List.of(), Optional.empty());
    }

    /** What {@code user} (an identity or participant id) is told to use. */
    public List<IceServer> forParticipant(String user) {
        if (turn.isEmpty()) {
            return shared;
        }
        List<IceServer> servers = new ArrayList<>(shared);
        servers.add(turn.get().issue(user));
        return servers;
    }
}
