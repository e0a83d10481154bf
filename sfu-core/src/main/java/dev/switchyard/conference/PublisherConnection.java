package dev.switchyard.conference;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import dev.switchyard.buffer.PacketBuffer;
import dev.switchyard.datachannel.DataEndpoint;
import dev.switchyard.datachannel.DataRoom;
import dev.switchyard.media.NackGenerator;
import dev.switchyard.media.PacketCache;
import dev.switchyard.media.ReceiveStream;
import dev.switchyard.media.ReceivedPacket;
import dev.switchyard.media.ReferenceTimeRoundTrip;
import dev.switchyard.media.RetransmissionCounters;
import dev.switchyard.media.RtcpCounters;
import dev.switchyard.media.TransportFeedbackGenerator;
import dev.switchyard.rtcp.ExtendedReport;
import dev.switchyard.rtcp.GenericNack;
import dev.switchyard.rtcp.ReceiverReport;
import dev.switchyard.rtcp.Remb;
import dev.switchyard.rtcp.ReportBlock;
import dev.switchyard.rtcp.RtcpCompoundIterator;
import dev.switchyard.rtcp.RtcpHeader;
import dev.switchyard.rtcp.RtcpPacketType;
import dev.switchyard.rtcp.SenderReport;
import dev.switchyard.rtcp.SourceDescription;
import dev.switchyard.rtp.HeaderExtensionCursor;
import dev.switchyard.rtp.RtpPacket;
import dev.switchyard.rtp.extension.SdesIdentifier;
import dev.switchyard.rtp.extension.TransportSequenceNumber;
import dev.switchyard.sdp.SessionDescription;
import dev.switchyard.transport.TransportDescription;
import dev.switchyard.transport.WebRtcTransport;
import dev.switchyard.transport.dtls.DtlsRole;

/**
 * A participant's publisher connection: the transport its tracks arrive on, the tracks by m-line, a
 * {@link ReceiveStream} per incoming SSRC, and the receive path. After the transport's SRTP unprotect, an RTP
 * packet goes: stream lookup by SSRC (or MID) → receive statistics → retransmission cache → the track's
 * fan-out to its subscribers. RTCP is parsed once; sender reports go to their streams.
 *
 * <p>Its data channels, once an offer carries a data channel m-line, are a {@link DataEndpoint} fed with the
 * transport's DTLS application data.
 *
 * <p>Packets are matched to tracks by SSRC; an SSRC not announced in the offer is bound to its m-line the first
 * time it arrives with the MID header extension (RFC 8843 §15), as Firefox and simulcast senders require.
 */
final class PublisherConnection implements WebRtcTransport.Listener {

    private final Consumer<String> onTransportClosed;
    /** Set by {@link #close}: the owner closed the connection and needs no report of it. */
    private volatile boolean closedLocally;
    private final WebRtcTransport transport;
    private final Map<String, PublishedTrack> tracksByMid = new ConcurrentHashMap<>();
    /** Video packets kept per stream for retransmission: about half a second at a high bitrate. */
    private static final int VIDEO_CACHE_PACKETS = 512;
    /**
     * A lost packet is asked for ten times at most, then a keyframe is the better repair. Until the publisher has
     * answered a reference time, so that the round trip is known, the first wait for an answer is 50 ms: enough
     * for a continental round trip.
     */
    private static final int MAX_NACKS_PER_PACKET = 10;
    private static final long NACK_RETRY_INTERVAL_NANOS = 50_000_000L;
    /** Receiver reports once a second, as browsers send them. */
    private static final long RECEIVER_REPORT_INTERVAL_NANOS = 1_000_000_000L;
    /** The CNAME of the server's own RTCP (RFC 3550 §6.5.1). */
    private static final String SERVER_CNAME = "switchyard";
    /** Transport-cc feedback every 100 ms, as libwebrtc's receivers send it by default. */
    private static final long FEEDBACK_INTERVAL_NANOS = 100_000_000L;

    private final ReceivedPacket received = new ReceivedPacket();
    private final HeaderExtensionCursor extensions = new HeaderExtensionCursor();
    private final RtcpCompoundIterator rtcp = new RtcpCompoundIterator();
    private final SenderReport senderReport = new SenderReport();
    private final ExtendedReport extendedReport = new ExtendedReport();
    private final ReferenceTimeRoundTrip roundTrip =
            new ReferenceTimeRoundTrip(System.currentTimeMillis(), System.nanoTime());
    /** SSRC → track and stream, replaced as a whole so the receiving thread always sees a consistent table. */
    private volatile SsrcBinding[] bindings = new SsrcBinding[0];
    private volatile int midExtensionId = -1;
    private volatile int transportSequenceExtensionId = -1;
    private final TransportFeedbackGenerator congestionFeedback =
            new TransportFeedbackGenerator(PublishedTrack.SERVER_RTCP_SSRC, FEEDBACK_INTERVAL_NANOS);
    private final PacketBuffer feedbackPacket = PacketBuffer.allocate();
    private final PacketBuffer nackPacket = PacketBuffer.allocate();
    private final PacketBuffer reportPacket = PacketBuffer.allocate();
    private boolean reported;
    private long lastReportNanos;
    private final int[] lostSequences = new int[64];
    private final RetransmissionCounters counters;
    private final RtcpCounters rtcpCounters;
    private final MediaSettings mediaSettings;
    private final long maxVideoBitsPerSecond;
    /** RFC 8866 §5.2: a numeric session id, constant for the connection, with a version per answer. */
    private final String sessionId = Long.toString(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
    private long answerVersion;
    private String remoteUfrag;
    private DtlsRole dtlsRole;
    private final RoomServices services;
    private final DataRoom dataRoom;
    private final String participantId;
    private final boolean maySendData;
    private final DataEndpoint.ClosingNotice dataClosingNotice;
    private volatile DataEndpoint dataChannels;

    /**
     * @param dataRoom          where the participant's data channel messages go
     * @param maySendData       whether its data channel messages are forwarded (its token grants data)
     * @param dataClosingNotice tells the participant why the server closed a data channel towards it
     * @param onTransportClosed told why, when the transport closes other than by {@link #close}
     */
    PublisherConnection(RoomServices services, DataRoom dataRoom, String participantId, boolean maySendData,
                        DataEndpoint.ClosingNotice dataClosingNotice, Consumer<String> onTransportClosed)
            throws IOException {
        this.services = services;
        this.dataRoom = dataRoom;
        this.participantId = participantId;
        this.maySendData = maySendData;
        this.dataClosingNotice = dataClosingNotice;
        this.onTransportClosed = onTransportClosed;
        this.counters = services.retransmissionCounters();
        this.rtcpCounters = services.rtcpCounters();
        this.mediaSettings = services.mediaSettings();
        this.maxVideoBitsPerSecond = services.mediaSettings().maxVideoBitsPerSecond();
        this.transport = services.newServerTransport(this);
    }

    Collection<PublishedTrack> tracks() {
        return tracksByMid.values();
    }

    PublishedTrack trackByMid(String mid) {
        return tracksByMid.get(mid);
    }

    /** Decides whether the media an offer would publish may be published; throws to refuse the offer. */
    interface PublicationCheck {
        void check(List<PublishedMedia> media) throws NegotiationException, LimitExceededException;
    }

    /**
     * Answers an offer, connecting or ICE-restarting the transport as the offer requires. The whole offer is
     * checked, by the answerer and by {@code check}, before anything changes: a refused offer leaves the
     * connection as it was. Called under the room lock.
     */
    PublisherAnswerer.Answer negotiate(SessionDescription offer, PublicationCheck check)
            throws NegotiationException, LimitExceededException {
        TransportDescription remote = SdpTransportMapping.remoteTransport(offer);
        boolean first = remoteUfrag == null;
        boolean restart = !first && !remote.ice().usernameFragment().equals(remoteUfrag);
        PublisherAnswerer.Answer answer = PublisherAnswerer.answer(offer, transport.localDescription(),
                sessionId, answerVersion + 1, mediaSettings);
        check.check(answer.media());
        if (restart) {
            try {
                transport.beginIceRestart();
            } catch (IOException e) {
                throw new NegotiationException("ICE restart failed: " + e.getMessage(), e);
            }
            // The answer must carry the new ICE credentials.
            answer = PublisherAnswerer.answer(offer, transport.localDescription(), sessionId, answerVersion + 1,
                    mediaSettings);
        }
        answerVersion++;
        if (first) {
            dtlsRole = SdpTransportMapping.localDtlsRole(offer);
            transport.connect(remote, dtlsRole);
        } else if (restart) {
            transport.completeIceRestart(remote.ice(), remote.candidates());
        }
        remoteUfrag = remote.ice().usernameFragment();
        midExtensionId = answer.extensionId(RtpCapabilities.MID);
        transportSequenceExtensionId = answer.extensionId(RtpCapabilities.TRANSPORT_WIDE_SEQUENCE);
        answer.dataChannels().ifPresent(this::openDataChannels);
        return answer;
    }

    /** The first offer with a data channel m-line starts the association; later ones keep it. */
    private void openDataChannels(DataChannelTerms terms) {
        if (dataChannels != null) {
            return;
        }
        DataEndpoint endpoint = new DataEndpoint(services.dataChannelThread(), dataRoom, participantId, maySendData,
                services.dataChannelLimits(), terms.sctpPort(), terms.maxMessageSize(), dtlsRole == DtlsRole.CLIENT,
                packet -> transport.sendApplicationData(packet, 0, packet.length), dataClosingNotice);
        dataChannels = endpoint;
        if (transport.isConnected()) {
            endpoint.onTransportConnected();
        }
    }

    /**
     * Called under the room lock.
     *
     * @param repairSsrcs announced RTX SSRCs and the media SSRC each repairs
     */
    void addTrack(PublishedTrack track, List<Long> announcedSsrcs, Map<Long, Long> repairSsrcs) {
        tracksByMid.put(track.mid(), track);
        announcedSsrcs.forEach(ssrc -> bind(ssrc, track));
        repairSsrcs.forEach(this::bindRepair);
    }

    /** Called under the room lock. */
    synchronized void removeTrack(PublishedTrack track) {
        tracksByMid.remove(track.mid());
        bindings = Arrays.stream(bindings).filter(binding -> binding.track() != track).toArray(SsrcBinding[]::new);
    }

    void addRemoteCandidate(String candidate) {
        SdpTransportMapping.parseTrickle(candidate).ifPresent(transport::addRemoteCandidate);
    }

    /** Sends a keyframe request (PLI) of one of this connection's tracks. */
    void sendKeyframeRequest(PacketBuffer request) {
        if (transport.sendRtcp(request)) {
            rtcpCounters.countKeyframeRequest();
        }
    }

    void close() {
        closedLocally = true;
        transport.close();
        DataEndpoint endpoint = dataChannels;
        if (endpoint != null) {
            endpoint.close();
        }
    }

    private synchronized void bind(long ssrc, PublishedTrack track) {
        if (bindingFor(ssrc) != null) {
            return;
        }
        boolean video = track.kind() == MediaKind.VIDEO;
        PacketCache cache = video ? new PacketCache(VIDEO_CACHE_PACKETS, PacketBuffer.MAX_PACKET) : null;
        NackGenerator nacks = video && track.codec().hasRtx()
                ? new NackGenerator(MAX_NACKS_PER_PACKET, NACK_RETRY_INTERVAL_NANOS) : null;
        if (nacks != null && roundTrip.roundTripNanos() >= 0) {
            nacks.setRoundTrip(roundTrip.roundTripNanos());
        }
        add(new SsrcBinding(ssrc, track, new ReceiveStream(ssrc, track.codec().rtpMap().clockRate(), cache), nacks,
                false));
        track.setMediaSsrc(ssrc);
    }

    /** Binds the RTX SSRC that repairs {@code mediaSsrc} (RFC 4588), once the media SSRC is bound. */
    private synchronized void bindRepair(long repairSsrc, long mediaSsrc) {
        SsrcBinding media = bindingFor(mediaSsrc);
        if (media != null && !media.repair() && bindingFor(repairSsrc) == null) {
            add(new SsrcBinding(repairSsrc, media.track(), media.stream(), media.nacks(), true));
        }
    }

    private void add(SsrcBinding binding) {
        SsrcBinding[] current = bindings;
        SsrcBinding[] next = Arrays.copyOf(current, current.length + 1);
        next[current.length] = binding;
        bindings = next;
    }

    private SsrcBinding bindingFor(long ssrc) {
        for (SsrcBinding binding : bindings) {
            if (binding.ssrc() == ssrc) {
                return binding;
            }
        }
        return null;
    }

    /**
     * One incoming SSRC: the track and stream it belongs to; a repair binding carries RTX for the stream.
     *
     * @param nacks asks the publisher again for lost packets of the stream, or null (audio, or no RTX offered)
     */
    private record SsrcBinding(long ssrc, PublishedTrack track, ReceiveStream stream, NackGenerator nacks,
                               boolean repair) {
    }

    /**
     * Binds an unannounced SSRC by the MID extension of its packet (null if the packet has none we know): as RTX
     * of the track's media stream if its payload type is the track's RTX format (Firefox announces no SSRC).
     */
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
        if (track.codec().hasRtx() && rtp.payloadType() == track.codec().rtxPayloadType()) {
            bindRepair(rtp.ssrc(), track.mediaSsrc());
        } else {
            bind(rtp.ssrc(), track);
        }
        return bindingFor(rtp.ssrc());
    }

    @Override
    public void onConnected(WebRtcTransport connected) {
        // Media needs nothing until the first packet; data channels start their association.
        DataEndpoint endpoint = dataChannels;
        if (endpoint != null) {
            endpoint.onTransportConnected();
        }
    }

    @Override
    public void onApplicationData(WebRtcTransport receiving, byte[] buffer, int offset, int length) {
        DataEndpoint endpoint = dataChannels;
        if (endpoint != null) {
            endpoint.receive(buffer, offset, length);
        }
    }

    @Override
    public void onRtp(WebRtcTransport receiving, PacketBuffer decrypted) {
        if (!received.wrap(decrypted, System.nanoTime())) {
            return;
        }
        recordForCongestionFeedback(received.rtp());
        SsrcBinding binding = bindingFor(received.rtp().ssrc());
        if (binding == null) {
            binding = bindByMid(received.rtp());
            if (binding == null) {
                return;
            }
        }
        if (binding.repair() && !unwrapRtx(binding, decrypted)) {
            return;
        }
        RtpPacket packet = received.rtp();
        ReceiveStream stream = binding.stream();
        if (binding.repair()) {
            if (!awaited(binding, packet)) {
                // A retransmission nobody waits for: publishers resend old packets to probe bandwidth.
                return;
            }
            counters.countRepairedUpstream();
        }
        long sequence = stream.onPacket(packet.sequenceNumber(), packet.timestamp(), received.arrivalNanos(),
                decrypted.length());
        if (stream.cache() != null) {
            stream.cache().store(sequence, decrypted);
        }
        PublishedTrack track = binding.track();
        received.attach(stream, sequence, track.keyframeCodec());
        track.forward(received);
        if (binding.nacks() != null) {
            counters.countMissingUpstream(binding.nacks().onPacket(sequence));
            requestMissing(binding, received.arrivalNanos());
        }
        if (!reported || received.arrivalNanos() - lastReportNanos >= RECEIVER_REPORT_INTERVAL_NANOS) {
            sendReceiverReport(received.arrivalNanos());
        }
    }

    /**
     * RFC 3550 §6.4.2: a reception report for every stream received, with loss, jitter, LSR and DLSR, which the
     * publisher's loss-based estimator and round-trip measurement read; with it a receiver reference time
     * (RFC 3611 §4.4) whose answer gives the server its own round trip.
     */
    private void sendReceiverReport(long nowNanos) {
        List<ReportBlock> blocks = new ArrayList<>();
        for (SsrcBinding binding : bindings) {
            if (!binding.repair() && binding.stream().hasReceived() && blocks.size() < RtcpHeader.MAX_COUNT) {
                blocks.add(binding.stream().report(nowNanos));
            }
        }
        if (blocks.isEmpty()) {
            return;
        }
        reported = true;
        lastReportNanos = nowNanos;
        byte[] bytes = reportPacket.buffer();
        int length = ReceiverReport.write(bytes, 0, PublishedTrack.SERVER_RTCP_SSRC, blocks);
        length += SourceDescription.writeCname(bytes, length, PublishedTrack.SERVER_RTCP_SSRC, SERVER_CNAME);
        length += ExtendedReport.writeReceiverReferenceTime(bytes, length, PublishedTrack.SERVER_RTCP_SSRC,
                roundTrip.referenceTime(nowNanos));
        int bitrateCap = writeBitrateCap(bytes, length);
        length += bitrateCap;
        reportPacket.setOffsetLength(0, length);
        if (transport.sendRtcp(reportPacket)) {
            rtcpCounters.countReceiverReport();
            if (bitrateCap > 0) {
                rtcpCounters.countBitrateCap();
            }
        }
    }

    /**
     * REMB (draft-alvestrand-rmcat-remb) with the configured maximum per video track, for the publisher's video
     * streams: browsers take it as the ceiling of their own estimate (transport-cc or loss based), so no track
     * is sent above the cap. Returns the bytes written, 0 when nothing video is received.
     */
    private int writeBitrateCap(byte[] destination, int offset) {
        long[] videoSsrcs = Arrays.stream(bindings)
                .filter(binding -> !binding.repair() && binding.track().kind() == MediaKind.VIDEO)
                .mapToLong(SsrcBinding::ssrc).distinct().limit(0xFF).toArray();
        if (videoSsrcs.length == 0) {
            return 0;
        }
        return Remb.write(destination, offset, PublishedTrack.SERVER_RTCP_SSRC,
                maxVideoBitsPerSecond * videoSsrcs.length, videoSsrcs, videoSsrcs.length);
    }

    /**
     * Turns an RTX packet back into the packet it repairs (RFC 4588 §4): the original sequence number comes
     * first in the payload; payload type and SSRC are the media stream's. False for RTX without a payload (the
     * padding publishers send to probe bandwidth).
     */
    private boolean unwrapRtx(SsrcBinding repair, PacketBuffer decrypted) {
        RtpPacket packet = received.rtp();
        if (packet.payloadLength() < 2) {
            return false;
        }
        byte[] bytes = decrypted.buffer();
        int payloadOffset = packet.payloadOffset();
        int originalSequence = ((bytes[payloadOffset] & 0xFF) << 8) | (bytes[payloadOffset + 1] & 0xFF);
        int end = decrypted.offset() + decrypted.length();
        System.arraycopy(bytes, payloadOffset + 2, bytes, payloadOffset, end - payloadOffset - 2);
        decrypted.setOffsetLength(decrypted.offset(), decrypted.length() - 2);
        if (!received.wrap(decrypted, received.arrivalNanos())) {
            return false;
        }
        RtpPacket original = received.rtp();
        original.setPayloadType(repair.track().codec().payloadType());
        original.setSsrc(repair.stream().ssrc());
        original.setSequenceNumber(originalSequence);
        return true;
    }

    private static boolean awaited(SsrcBinding repair, RtpPacket packet) {
        NackGenerator nacks = repair.nacks();
        return nacks != null && nacks.isMissing(repair.stream().extendedSequence(packet.sequenceNumber()));
    }

    /** NACKs what the stream is missing (RFC 4585 §6.2.1); a packet given up makes it ask for a keyframe. */
    private void requestMissing(SsrcBinding binding, long nowNanos) {
        int count = binding.nacks().poll(nowNanos, lostSequences);
        if (count > 0) {
            int length = GenericNack.write(nackPacket.buffer(), 0, PublishedTrack.SERVER_RTCP_SSRC,
                    binding.stream().ssrc(), lostSequences, count);
            nackPacket.setOffsetLength(0, length);
            transport.sendRtcp(nackPacket);
            counters.countRequestedUpstream(count);
        }
        if (binding.nacks().takeKeyframeNeed()) {
            binding.track().requestKeyframe();
        }
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
        if (congestionFeedback.pollFeedback(received.arrivalNanos(), feedbackPacket)
                && transport.sendRtcp(feedbackPacket)) {
            rtcpCounters.countTransportFeedback();
        }
    }

    /**
     * RFC 3550 §6.4.1: a publisher's sender reports give the LSR and DLSR of the reports sent back to it; its
     * extended reports answer the server's reference times with the round trip.
     */
    @Override
    public void onRtcp(WebRtcTransport receiving, PacketBuffer decrypted) {
        long arrivalNanos = System.nanoTime();
        rtcp.reset(decrypted.buffer(), decrypted.offset(), decrypted.length());
        while (rtcp.next()) {
            if (rtcp.packetType() == RtcpPacketType.EXTENDED_REPORT && extendedReport.wrap(rtcp)) {
                onExtendedReport(arrivalNanos);
            } else if (rtcp.packetType() == RtcpPacketType.SENDER_REPORT && senderReport.wrap(rtcp)) {
                SsrcBinding binding = bindingFor(senderReport.ssrc());
                if (binding != null && !binding.repair()) {
                    binding.stream().onSenderReport(senderReport.ntpTimestamp(), senderReport.rtpTimestamp(),
                            arrivalNanos);
                }
            }
        }
    }

    /** Each DLRR sub-block addressed to the server is a round trip; the NACK retry schedule follows it. */
    private void onExtendedReport(long arrivalNanos) {
        boolean measured = false;
        while (extendedReport.nextBlock()) {
            if (extendedReport.blockType() != ExtendedReport.DELAY_SINCE_LAST_RECEIVER_REPORT) {
                continue;
            }
            for (int i = 0; i < extendedReport.delayItemCount(); i++) {
                if (extendedReport.delayItemSsrc(i) == PublishedTrack.SERVER_RTCP_SSRC
                        && roundTrip.onDelaySinceLastReceiverReport(extendedReport.lastReceiverReport(i),
                                extendedReport.delaySinceLastReceiverReport(i), arrivalNanos)) {
                    measured = true;
                    rtcpCounters.countRoundTrip();
                }
            }
        }
        if (measured) {
            for (SsrcBinding binding : bindings) {
                if (binding.nacks() != null) {
                    binding.nacks().setRoundTrip(roundTrip.roundTripNanos());
                }
            }
        }
    }

    @Override
    public void onClosed(WebRtcTransport closed, String reason) {
        if (closedLocally) {
            return;
        }
        onTransportClosed.accept("publisher connection: " + reason);
    }
}
