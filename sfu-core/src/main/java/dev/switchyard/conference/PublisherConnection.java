package dev.switchyard.conference;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import dev.switchyard.buffer.PacketBuffer;
import dev.switchyard.media.PacketCache;
import dev.switchyard.media.ReceiveStream;
import dev.switchyard.media.ReceivedPacket;
import dev.switchyard.media.TransportFeedbackGenerator;
import dev.switchyard.rtcp.RtcpCompoundIterator;
import dev.switchyard.rtcp.RtcpPacketType;
import dev.switchyard.rtcp.SenderReport;
import dev.switchyard.rtp.HeaderExtensionCursor;
import dev.switchyard.rtp.RtpPacket;
import dev.switchyard.rtp.extension.SdesIdentifier;
import dev.switchyard.rtp.extension.TransportSequenceNumber;
import dev.switchyard.sdp.SessionDescription;
import dev.switchyard.transport.TransportDescription;
import dev.switchyard.transport.WebRtcTransport;

/**
 * A participant's publisher connection: the transport its tracks arrive on, the tracks by m-line, a
 * {@link ReceiveStream} per incoming SSRC, and the receive path. After the transport's SRTP unprotect, an RTP
 * packet goes: stream lookup by SSRC (or MID) → receive statistics → retransmission cache → the track's
 * fan-out to its subscribers. RTCP is parsed once; sender reports go to their streams.
 *
 * <p>Packets are matched to tracks by SSRC; an SSRC not announced in the offer is bound to its m-line the first
 * time it arrives with the MID header extension (RFC 8843 §15), as Firefox and simulcast senders require.
 */
final class PublisherConnection implements WebRtcTransport.Listener {

    private final Consumer<String> onTransportClosed;
    private final WebRtcTransport transport;
    private final Map<String, PublishedTrack> tracksByMid = new ConcurrentHashMap<>();
    /** Video packets kept per stream for retransmission: about half a second at a high bitrate. */
    private static final int VIDEO_CACHE_PACKETS = 512;
    /** Transport-cc feedback every 100 ms, as libwebrtc's receivers send it by default. */
    private static final long FEEDBACK_INTERVAL_NANOS = 100_000_000L;

    private final ReceivedPacket received = new ReceivedPacket();
    private final HeaderExtensionCursor extensions = new HeaderExtensionCursor();
    private final RtcpCompoundIterator rtcp = new RtcpCompoundIterator();
    private final SenderReport senderReport = new SenderReport();
    /** SSRC → track and stream, replaced as a whole so the receiving thread always sees a consistent table. */
    private volatile SsrcBinding[] bindings = new SsrcBinding[0];
    private volatile int midExtensionId = -1;
    private volatile int transportSequenceExtensionId = -1;
    private final TransportFeedbackGenerator congestionFeedback =
            new TransportFeedbackGenerator(PublishedTrack.SERVER_RTCP_SSRC, FEEDBACK_INTERVAL_NANOS);
    private final PacketBuffer feedbackPacket = PacketBuffer.allocate();
    /** RFC 8866 §5.2: a numeric session id, constant for the connection, with a version per answer. */
    private final String sessionId = Long.toString(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
    private long answerVersion;
    private String remoteUfrag;

    /** @param onTransportClosed told why, when the transport closes other than by {@link #close} */
    PublisherConnection(RoomServices services, Consumer<String> onTransportClosed) throws IOException {
        this.onTransportClosed = onTransportClosed;
        this.transport = services.newServerTransport(this);
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
        midExtensionId = answer.extensionId(RtpCapabilities.MID);
        transportSequenceExtensionId = answer.extensionId(RtpCapabilities.TRANSPORT_WIDE_SEQUENCE);
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
        if (bindingFor(ssrc) != null) {
            return;
        }
        SsrcBinding[] current = bindings;
        SsrcBinding[] next = Arrays.copyOf(current, current.length + 1);
        PacketCache cache = track.kind() == MediaKind.VIDEO
                ? new PacketCache(VIDEO_CACHE_PACKETS, PacketBuffer.MAX_PACKET) : null;
        next[current.length] = new SsrcBinding(ssrc, track,
                new ReceiveStream(ssrc, track.codec().rtpMap().clockRate(), cache));
        bindings = next;
        track.setMediaSsrc(ssrc);
    }

    private SsrcBinding bindingFor(long ssrc) {
        for (SsrcBinding binding : bindings) {
            if (binding.ssrc() == ssrc) {
                return binding;
            }
        }
        return null;
    }

    private record SsrcBinding(long ssrc, PublishedTrack track, ReceiveStream stream) {
    }

    /** Binds an unannounced SSRC by the MID extension of its packet; null if the packet has none we know. */
    private SsrcBinding bindByMid(RtpPacket rtp) {
        int id = midExtensionId;
        if (id < 0 || !extensions.wrap(rtp) || !extensions.find(id)) {
            return null;
        }
        String mid = SdesIdentifier.read(extensions.buffer(), extensions.valueOffset(), extensions.valueLength());
        PublishedTrack track = mid == null ? null : tracksByMid.get(mid);
        if (track == null) {
            return null;
        }
        bind(rtp.ssrc(), track);
        return bindingFor(rtp.ssrc());
    }

    @Override
    public void onConnected(WebRtcTransport connected) {
        // Media starts flowing; nothing to do until the first packet.
    }

    @Override
    public void onRtp(WebRtcTransport receiving, PacketBuffer decrypted) {
        if (!received.wrap(decrypted, System.nanoTime())) {
            return;
        }
        RtpPacket packet = received.rtp();
        recordForCongestionFeedback(packet);
        SsrcBinding binding = bindingFor(packet.ssrc());
        if (binding == null) {
            binding = bindByMid(packet);
            if (binding == null) {
                return;
            }
        }
        ReceiveStream stream = binding.stream();
        long sequence = stream.onPacket(packet.sequenceNumber(), packet.timestamp(), received.arrivalNanos(),
                decrypted.length());
        if (stream.cache() != null) {
            stream.cache().store(sequence, decrypted);
        }
        PublishedTrack track = binding.track();
        received.attach(stream, sequence, track.keyframeCodec());
        track.forward(received);
    }

    /**
     * Every packet with a transport-wide sequence number counts for congestion feedback, whatever its stream;
     * the feedback goes back on this thread once its interval has passed.
     */
    private void recordForCongestionFeedback(RtpPacket packet) {
        int id = transportSequenceExtensionId;
        if (id > 0 && extensions.wrap(packet) && extensions.find(id)) {
            int sequence = TransportSequenceNumber.read(extensions.buffer(), extensions.valueOffset(),
                    extensions.valueLength());
            if (sequence != TransportSequenceNumber.INVALID) {
                congestionFeedback.onPacket(sequence, packet.ssrc(), received.arrivalNanos());
            }
        }
        if (congestionFeedback.pollFeedback(received.arrivalNanos(), feedbackPacket)) {
            transport.sendRtcp(feedbackPacket);
        }
    }

    /** RFC 3550 §6.4.1: a publisher's sender reports give the LSR and DLSR of the reports sent back to it. */
    @Override
    public void onRtcp(WebRtcTransport receiving, PacketBuffer decrypted) {
        long arrivalNanos = System.nanoTime();
        rtcp.reset(decrypted.buffer(), decrypted.offset(), decrypted.length());
        while (rtcp.next()) {
            if (rtcp.packetType() == RtcpPacketType.SENDER_REPORT && senderReport.wrap(rtcp)) {
                SsrcBinding binding = bindingFor(senderReport.ssrc());
                if (binding != null) {
                    binding.stream().onSenderReport(senderReport.ntpTimestamp(), arrivalNanos);
                }
            }
        }
    }

    @Override
    public void onClosed(WebRtcTransport closed, String reason) {
        onTransportClosed.accept("publisher connection: " + reason);
    }
}
