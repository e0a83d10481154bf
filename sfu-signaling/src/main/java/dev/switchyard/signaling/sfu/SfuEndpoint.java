package dev.switchyard.signaling.sfu;

import java.util.Objects;

import dev.switchyard.conference.RoomManager;
import dev.switchyard.signaling.SessionChannel;
import dev.switchyard.signaling.WebSocketSession;
import dev.switchyard.signaling.WebSocketSessionFactory;
import dev.switchyard.signaling.auth.JoinAuthority;

/** The {@code /ws} endpoint: every socket becomes one participant of the conference once it joins. */
public final class SfuEndpoint implements WebSocketSessionFactory {

    private final RoomManager roomManager;
    private final JoinAuthority authority;
    private final IceServers iceServers;

    /**
     * @param authority  who may join which room
     * @param iceServers what clients are told to use besides the server's own candidates
     */
    public SfuEndpoint(RoomManager roomManager, JoinAuthority authority, IceServers iceServers) {
        this.roomManager = Objects.requireNonNull(roomManager, "conference");
        this.authority = Objects.requireNonNull(authority, "authority");
        this.iceServers = Objects.requireNonNull(iceServers, "iceServers");
    }

    @Override
    public WebSocketSession open(SessionChannel channel) {
        return new SfuSession(roomManager, authority, iceServers, channel);
    }
}
