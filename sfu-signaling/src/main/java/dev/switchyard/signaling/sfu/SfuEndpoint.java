package dev.switchyard.signaling.sfu;

import java.util.List;
import java.util.Objects;

import dev.switchyard.conference.Conference;
import dev.switchyard.signaling.SessionChannel;
import dev.switchyard.signaling.WebSocketSession;
import dev.switchyard.signaling.WebSocketSessionFactory;

/** The {@code /ws} endpoint: every socket becomes one participant of the conference once it joins. */
public final class SfuEndpoint implements WebSocketSessionFactory {

    private final Conference conference;
    private final List<IceServer> iceServers;

    /** @param iceServers what clients are told to use besides the server's own candidates */
    public SfuEndpoint(Conference conference, List<IceServer> iceServers) {
        this.conference = Objects.requireNonNull(conference, "conference");
        this.iceServers = List.copyOf(iceServers);
    }

    @Override
    public WebSocketSession open(SessionChannel channel) {
        return new SfuSession(conference, iceServers, channel);
    }
}
