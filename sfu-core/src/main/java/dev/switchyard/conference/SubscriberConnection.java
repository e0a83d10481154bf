package dev.switchyard.conference;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import dev.switchyard.buffer.PacketBuffer;
import dev.switchyard.media.ForwardingLane;
import dev.switchyard.media.NackResponder;
import dev.switchyard.media.RtpSender;
import dev.switchyard.media.SendStream;
import dev.switchyard.rtcp.FullIntraRequest;
import dev.switchyard.rtcp.GenericNack;
import dev.switchyard.rtcp.PictureLossIndication;
import dev.switchyard.rtcp.RtcpCompoundIterator;
import dev.switchyard.rtcp.RtcpPacketType;
import dev.switchyard.sdp.Extmap;
import dev.switchyard.sdp.MediaDescription;
import dev.switchyard.sdp.SdpParseException;
import dev.switchyard.sdp.SessionDescription;
import dev.switchyard.transport.TransportDescription;
import dev.switchyard.transport.WebRtcTransport;
import dev.switchyard.transport.ice.IceParameters;

/**
 * A participant's subscriber connection: the server offers, the participant answers. Holds the m-lines in
 * offer order, each carrying one subscription or, once that ended, nothing (inactive), and turns the
 * subscriber's keyframe requests into requests to the right publisher.
 *
 * <p>Offers are serialised: while one awaits its answer, further changes only mark the connection for another
 * offer, sent when the answer arrives. State changes happen under the room lock; the RTCP path reads a
 * copy-on-write snapshot.
 */
final class SubscriberConnection implements WebRtcTransport.Listener, RtpSender {

    /**
     * One m-line; {@code subscription} is null once the line is inactive, {@code offered} is what the latest
     * offer carried on it (null: inactive), which the answer to that offer is about.
     */
    private static final class MediaLine {
        final String mid;
        final MediaKind kind;
        final CodecChoice codec;
        Subscription subscription;
        Subscription offered;

        MediaLine(Subscription subscription) {
            this.mid = subscription.mid();
            this.kind = subscription.track().kind();
            this.codec = subscription.track().codec();
            this.subscription = subscription;
        }

        /** Whether a new subscription to {@code track} may take this inactive line over, keeping its mid. */
        boolean reusableFor(PublishedTrack track) {
            return subscription == null && offered == null && kind == track.kind() && codec.equals(track.codec());
        }
    }

    private final RoomServices services;
    private final ParticipantListener listener;
    private final Consumer<String> onTransportClosed;
    private final ForwardingLane lane;
    private final List<MediaLine> lines = new ArrayList<>();
    private final RtcpCompoundIterator rtcp = new RtcpCompoundIterator();
    private final PictureLossIndication pli = new PictureLossIndication();
    private final FullIntraRequest fir = new FullIntraRequest();
    private final GenericNack nack = new GenericNack();
    private final NackResponder nackResponder;
    private volatile Subscription[] active = new Subscription[0];
    private volatile WebRtcTransport transport;
    private volatile boolean connected;
    private boolean remoteKnown;
    private IceParameters lastRemoteIce;
    private boolean awaitingAnswer;
    private boolean offerNeeded;
    /** The next offer restarts ICE: a restart asked for while an offer awaits its answer waits for it too. */
    private boolean iceRestartRequested;
    private final String sessionId = Long.toString(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
    private long offerVersion;
    /** m-lines in the offer awaiting its answer; more may have been added since, for the next offer. */
    private int offeredLineCount;

    /**
     * @param listener hears the server's offers
     * @param onTransportClosed told why, when the transport closes other than by {@link #close}
     */
    SubscriberConnection(RoomServices services, ParticipantListener listener, Consumer<String> onTransportClosed) {
        this.services = services;
        this.listener = listener;
        this.onTransportClosed = onTransportClosed;
        this.lane = services.forwardingLanes().assign();
        this.nackResponder = services.newNackResponder();
    }


    @Override
    public boolean isReady() {
        return connected;
    }

    @Override
    public boolean sendRtp(PacketBuffer packet) {
        WebRtcTransport current = transport;
        return current != null && current.sendRtp(packet);
    }

    /** The send streams' sender reports: the only RTCP the server sends to subscribers. */
    @Override
    public boolean sendRtcp(PacketBuffer packet) {
        WebRtcTransport current = transport;
        boolean sent = current != null && current.sendRtcp(packet);
        if (sent) {
            services.rtcpCounters().countSenderReport();
        }
        return sent;
    }

    /**
     * Gives a new subscription an m-line and returns it; the caller then calls {@link #renegotiate()}. A line the
     * participant already saw go inactive, of the same kind and codec, is taken over with its mid, so that
     * subscribing and unsubscribing over and over does not grow every offer without end.
     */
    Subscription subscribe(PublishedTrack track) {
        int reused = -1;
        for (int i = 0; i < lines.size() && reused < 0; i++) {
            if (lines.get(i).reusableFor(track)) {
                reused = i;
            }
        }
        String mid = reused >= 0 ? lines.get(reused).mid : Integer.toString(lines.size());
        long ssrc = ThreadLocalRandom.current().nextLong(1, 0x1_0000_0000L);
        Subscription subscription = new Subscription(track, this, lane, mid, ssrc,
                services.mediaSettings().retransmission(), ThreadLocalRandom.current());
        if (reused >= 0) {
            lines.set(reused, new MediaLine(subscription));
        } else {
            lines.add(new MediaLine(subscription));
        }
        refreshActive();
        return subscription;
    }

    /** Makes the m-line of {@code subscription} inactive; the caller then calls {@link #renegotiate()}. */
    void unsubscribe(Subscription subscription) {
        for (MediaLine line : lines) {
            if (line.subscription == subscription) {
                line.subscription = null;
            }
        }
        refreshActive();
    }

    /** Sends a new offer now, or after the outstanding answer. Called under the room lock. */
    void renegotiate() throws IOException {
        if (awaitingAnswer) {
            offerNeeded = true;
            return;
        }
        if (lines.isEmpty()) {
            return;
        }
        if (transport == null) {
            transport = services.newServerTransport(this);
        }
        TransportDescription local = iceRestartRequested ? transport.beginIceRestart() : transport.localDescription();
        iceRestartRequested = false;
        sendOffer(local);
    }

    /**
     * New ICE credentials in a new offer (RFC 8445 §9), or in the one after the outstanding answer. Called under
     * the room lock.
     */
    void restartIce() throws IOException {
        // Before the participant ever answered there is nothing to restart: the next offer starts ICE anyway.
        if (transport != null && remoteKnown) {
            iceRestartRequested = true;
        }
        renegotiate();
    }

    private void sendOffer(TransportDescription local) {
        List<SubscriberOfferWriter.Line> offerLines = new ArrayList<>();
        List<OfferedTrack> tracks = new ArrayList<>();
        for (MediaLine line : lines) {
            Subscription subscription = line.subscription;
            line.offered = subscription;
            boolean live = subscription != null;
            String trackId = live ? subscription.track().trackId() : "ended-" + line.mid;
            String streamId = live ? subscription.track().ownerId() : "ended";
            offerLines.add(new SubscriberOfferWriter.Line(line.mid, line.kind, line.codec,
                    live ? subscription.outputSsrc() : 0, streamId, trackId, live,
                    live ? subscription.offeredRtxPayloadType() : -1, live ? subscription.rtxSsrc() : 0));
            if (live) {
                tracks.add(new OfferedTrack(line.mid, subscription.track().info()));
            }
        }
        String offer = SubscriberOfferWriter.offer(local, sessionId, ++offerVersion, offerLines);
        offeredLineCount = offerLines.size();
        awaitingAnswer = true;
        offerNeeded = false;
        listener.onSubscriberOffer(offer, tracks);
    }

    /** Applies the participant's answer. Called under the room lock. */
    void acceptAnswer(String answerSdp) throws NegotiationException, IOException {
        if (!awaitingAnswer) {
            throw new NegotiationException("no subscriber offer is waiting for an answer");
        }
        SessionDescription answer;
        try {
            answer = SessionDescription.parse(answerSdp);
        } catch (SdpParseException e) {
            throw new NegotiationException(e.getMessage(), e);
        }
        if (answer.media().size() != offeredLineCount) {
            throw new NegotiationException("the answer has " + answer.media().size() + " m-lines, the offer had "
                    + offeredLineCount);
        }
        TransportDescription remote = SdpTransportMapping.remoteTransport(answer);
        boolean iceChanged = remoteKnown && !remote.ice().equals(lastRemoteIce);
        if (iceChanged && !transport.isIceRestarting()) {
            // Checked before anything changes: a refused answer leaves the offer waiting for a proper one.
            throw new NegotiationException("the answer changes the ICE credentials, but the server's offer did not"
                    + " restart ICE; answer with the current credentials");
        }
        if (!remoteKnown) {
            transport.connect(remote, SdpTransportMapping.localDtlsRole(answer));
            remoteKnown = true;
        } else if (iceChanged) {
            transport.completeIceRestart(remote.ice(), remote.candidates());
        }
        lastRemoteIce = remote.ice();
        for (int i = 0; i < offeredLineCount; i++) {
            Subscription subscription = lines.get(i).subscription;
            // A line taken over since the offer went out is negotiated by the next answer, not this one.
            if (subscription != null && subscription == lines.get(i).offered) {
                MediaDescription answered = answer.media().get(i);
                subscription.useHeaderExtensions(acceptedExtensions(answered, subscription.track().kind()));
                subscription.useRtx(acceptsRtx(answered, subscription.offeredRtxPayloadType()));
                if (!subscription.isAnswered()) {
                    subscription.markAnswered();
                    // The subscriber can decode from now on; on a connection still connecting, onConnected asks.
                    if (connected) {
                        subscription.track().requestKeyframe();
                    }
                }
            }
        }
        awaitingAnswer = false;
        if (offerNeeded) {
            renegotiate();
        }
    }

    /** The offered header extensions the answer kept (RFC 8285 §6: under the offered id), by URI. */
    private static Map<String, Integer> acceptedExtensions(MediaDescription answered, MediaKind kind) {
        Map<String, Integer> offered = RtpCapabilities.subscriberExtensions(kind);
        Map<String, Integer> accepted = new HashMap<>();
        for (Extmap extmap : answered.attributes().extmaps()) {
            if (Integer.valueOf(extmap.id()).equals(offered.get(extmap.uri()))) {
                accepted.put(extmap.uri(), extmap.id());
            }
        }
        return accepted;
    }

    /** Whether the answer kept the offered RTX payload type (RFC 4588 §8.6). */
    private static boolean acceptsRtx(MediaDescription answered, int offeredPayloadType) {
        return offeredPayloadType >= 0 && answered.attributes().rtpMap(offeredPayloadType)
                .map(map -> "rtx".equalsIgnoreCase(map.encodingName())).orElse(false);
    }

    void addRemoteCandidate(String candidate) {
        WebRtcTransport current = transport;
        if (current != null) {
            SdpTransportMapping.parseTrickle(candidate).ifPresent(current::addRemoteCandidate);
        }
    }

    void close() {
        WebRtcTransport current = transport;
        if (current != null) {
            current.close();
        }
    }

    private void refreshActive() {
        active = lines.stream().map(line -> line.subscription).filter(s -> s != null)
                .toArray(Subscription[]::new);
    }

    private Optional<Subscription> subscriptionWithSsrc(long ssrc) {
        for (Subscription subscription : active) {
            if (subscription.outputSsrc() == ssrc) {
                return Optional.of(subscription);
            }
        }
        return Optional.empty();
    }

    @Override
    public void onConnected(WebRtcTransport connectedTransport) {
        connected = true;
        for (Subscription subscription : active) {
            if (subscription.isAnswered()) {
                subscription.track().requestKeyframe();
            }
        }
    }

    @Override
    public void onRtp(WebRtcTransport receiving, PacketBuffer packet) {
        // A subscriber connection only receives RTCP; stray RTP is ignored.
    }

    /** RFC 4585 §6.3.1 PLI and RFC 5104 §4.3.1 FIR from the subscriber become requests to the publisher. */
    @Override
    public void onRtcp(WebRtcTransport receiving, PacketBuffer packet) {
        rtcp.reset(packet.buffer(), packet.offset(), packet.length());
        while (rtcp.next()) {
            if (rtcp.packetType() == RtcpPacketType.TRANSPORT_FEEDBACK) {
                if (rtcp.count() == GenericNack.FORMAT && nack.wrap(rtcp)) {
                    answerNack();
                }
                continue;
            }
            if (rtcp.packetType() != RtcpPacketType.PAYLOAD_FEEDBACK) {
                continue;
            }
            if (rtcp.count() == PictureLossIndication.FORMAT && pli.wrap(rtcp)) {
                subscriptionWithSsrc(pli.mediaSsrc()).ifPresent(s -> s.track().requestKeyframe());
            } else if (rtcp.count() == FullIntraRequest.FORMAT && fir.wrap(rtcp)) {
                for (int i = 0; i < fir.entryCount(); i++) {
                    subscriptionWithSsrc(fir.ssrc(i)).ifPresent(s -> s.track().requestKeyframe());
                }
            }
        }
    }

    /** RFC 4585 §6.2.1: retransmits what the subscriber lost, if that stream is ours and has it. */
    private void answerNack() {
        Optional<Subscription> lostFrom = subscriptionWithSsrc(nack.mediaSsrc());
        if (lostFrom.isEmpty()) {
            return;
        }
        SendStream stream = lostFrom.get().stream();
        long now = System.nanoTime();
        nack.forEachLost(sequence -> nackResponder.onLost(stream, sequence, now));
    }

    @Override
    public void onClosed(WebRtcTransport closed, String reason) {
        connected = false;
        onTransportClosed.accept("subscriber connection: " + reason);
    }
}
