package dev.switchyard.signaling.sfu;

import java.time.Duration;
import java.util.Objects;

import com.fasterxml.jackson.databind.node.ObjectNode;

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
    private final ResumableSessions sessions;
    private volatile ObjectNode shutdownNotice;

    /**
     * @param authority   who may join which room
     * @param iceServers  what clients are told to use besides the server's own candidates
     * @param resumeGrace how long a participant whose socket dropped waits for its client to resume (zero: it
     *                    leaves at once)
     */
    public SfuEndpoint(RoomManager roomManager, JoinAuthority authority, IceServers iceServers,
                       Duration resumeGrace) {
        this.roomManager = Objects.requireNonNull(roomManager, "conference");
        this.authority = Objects.requireNonNull(authority, "authority");
        this.iceServers = Objects.requireNonNull(iceServers, "iceServers");
        this.sessions = new ResumableSessions(resumeGrace);
    }

    @Override
    public WebSocketSession open(SessionChannel channel) {
        return new SfuSession(this, roomManager, authority, iceServers, sessions, channel);
    }

    /**
     * The server is going away: every client is told ({@code server_shutdown}, with the reason and when to come
     * back), and joins and resumes from now on get the same message and a closed socket.
     */
    public void announceShutdown(String reason, long retryAfterMillis) {
        ObjectNode notice = SfuMessages.serverShutdown(reason, retryAfterMillis);
        shutdownNotice = notice;
        sessions.attachedSessions().forEach(session -> session.announceShutdown(notice));
    }

    /** The shutdown message once {@link #announceShutdown} was called, else null. */
    ObjectNode shutdownNotice() {
        return shutdownNotice;
    }
}
