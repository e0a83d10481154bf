package dev.switchyard.conference;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import dev.switchyard.buffer.PacketBuffer;
import dev.switchyard.media.KeyframeDetector;
import dev.switchyard.rtp.HeaderExtensionCursor;
import dev.switchyard.rtp.RtpPacket;
import dev.switchyard.rtp.extension.SdesIdentifier;
import dev.switchyard.sdp.SessionDescription;
import dev.switchyard.transport.TransportDescription;
import dev.switchyard.transport.WebRtcTransport;

/**
 * A participant's publisher connection: the transport its tracks arrive on, the tracks by m-line, and the
 * receive path that finds the track of each packet and hands it to the router.
 *
 * <p>Packets are matched to tracks by SSRC; an SSRC not announced in the offer is bound to its m-line the first
 * time it arrives with the MID header extension (RFC 8843 §15), as Firefox and simulcast senders require.
 */
final class PublisherConnection implements WebRtcTransport.Listener {

    private final Participant owner;
    private final WebRtcTransport transport;
    private final Map<String, PublishedTrack> tracksByMid = new ConcurrentHashMap<>();
    private final RtpPacket packet = new RtpPacket();
    private final HeaderExtensionCursor extensions = new HeaderExtensionCursor();
    private final KeyframeDetector keyframes = new KeyframeDetector();
    private final PacketBuffer scratch = PacketBuffer.allocate();
    /** SSRC → track, replaced as a whole so the receiving thread always sees a consistent table. */
    private volatile SsrcBinding[] bindings = new SsrcBinding[0];
    private volatile int midExtensionId = -1;
    /** RFC 8866 §5.2: a numeric session id, constant for the connection, with a version per answer. */
    private final String sessionId = Long.toString(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
    private long answerVersion;
    private String remoteUfrag;

    PublisherConnection(Participant owner) throws IOException {
        this.owner = owner;
        this.transport = WebRtcTransport.server(owner.roomManager().transports(), owner.roomManager().ports(), this);
    }

    Participant owner() {
        return owner;
    }

    Collection<PublishedTrack> tracks() {
        return tracksByMid.values();
    }

    PublishedTrack trackByMid(String mid) {
        return tracksByMid.get(mid);
    }

    /**
     * Answers an offer, connecting or ICE-restarting the transport as the offer requires. Called under the room
     * lock.
     */
    PublisherAnswerer.Answer negotiate(SessionDescription offer) throws NegotiationException {
        TransportDescription remote = SdpTransportMapping.remoteTransport(offer);
        boolean first = remoteUfrag == null;
        boolean restart = !first && !remote.ice().usernameFragment().equals(remoteUfrag);
        if (restart) {
            try {
                transport.beginIceRestart();
            } catch (IOException e) {
                throw new NegotiationException("ICE restart failed: " + e.getMessage(), e);
            }
        }
        PublisherAnswerer.Answer answer = PublisherAnswerer.answer(offer, transport.localDescription(),
                sessionId, ++answerVersion);
        if (first) {
            transport.connect(remote, SdpTransportMapping.localDtlsRole(offer));
        } else if (restart) {
            transport.completeIceRestart(remote.ice(), remote.candidates());
        }
        remoteUfrag = remote.ice().usernameFragment();
        midExtensionId = answer.midExtensionId();
        return answer;
    }

    /** Called under the room lock. */
    void addTrack(PublishedTrack track, List<Long> announcedSsrcs) {
        tracksByMid.put(track.mid(), track);
        announcedSsrcs.forEach(ssrc -> bind(ssrc, track));
    }

    /** Called under the room lock. */
    synchronized void removeTrack(PublishedTrack track) {
        tracksByMid.remove(track.mid());
        bindings = Arrays.stream(bindings).filter(binding -> binding.track() != track).toArray(SsrcBinding[]::new);
    }

    void addRemoteCandidate(String candidate) {
        SdpTransportMapping.parseTrickle(candidate).ifPresent(transport::addRemoteCandidate);
    }

    void sendRtcp(PacketBuffer rtcp) {
        transport.sendRtcp(rtcp);
    }

    void close() {
        transport.close();
    }

    private synchronized void bind(long ssrc, PublishedTrack track) {
        if (trackForSsrc(ssrc) != null) {
            return;
        }
        SsrcBinding[] current = bindings;
        SsrcBinding[] next = Arrays.copyOf(current, current.length + 1);
        next[current.length] = new SsrcBinding(ssrc, track);
        bindings = next;
        track.setMediaSsrc(ssrc);
    }

    private PublishedTrack trackForSsrc(long ssrc) {
        for (SsrcBinding binding : bindings) {
            if (binding.ssrc() == ssrc) {
                return binding.track();
            }
        }
        return null;
    }

    private record SsrcBinding(long ssrc, PublishedTrack track) {
    }

    /** Binds an unannounced SSRC by the MID extension of its packet; null if the packet has none we know. */
    private PublishedTrack bindByMid(RtpPacket rtp) {
        int id = midExtensionId;
        if (id < 0 || !extensions.wrap(rtp) || !extensions.find(id)) {
            return null;
        }
        String mid = SdesIdentifier.read(extensions.buffer(), extensions.valueOffset(), extensions.valueLength());
        PublishedTrack track = mid == null ? null : tracksByMid.get(mid);
        if (track != null) {
            bind(rtp.ssrc(), track);
        }
        return track;
    }

    @Override
    public void onConnected(WebRtcTransport connected) {
        // Media starts flowing; nothing to do until the first packet.
    }

    @Override
    public void onRtp(WebRtcTransport receiving, PacketBuffer received) {
        if (!packet.wrap(received.buffer(), received.offset(), received.length())) {
            return;
        }
        PublishedTrack track = trackForSsrc(packet.ssrc());
        if (track == null) {
            track = bindByMid(packet);
            if (track == null) {
                return;
            }
        }
        track.forward(packet, received, scratch, keyframes);
    }

    @Override
    public void onRtcp(WebRtcTransport receiving, PacketBuffer received) {
        // Sender reports and SDES from the publisher are not relayed: each subscription is its own stream.
    }

    @Override
    public void onClosed(WebRtcTransport closed, String reason) {
        owner.transportClosed("publisher connection: " + reason);
    }
}
