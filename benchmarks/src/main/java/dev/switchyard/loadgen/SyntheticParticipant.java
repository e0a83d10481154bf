package dev.switchyard.loadgen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchyard.buffer.PacketBuffer;
import dev.switchyard.rtcp.PictureLossIndication;
import dev.switchyard.rtcp.ReceiverReport;
import dev.switchyard.rtcp.RtcpCompoundIterator;
import dev.switchyard.rtcp.RtcpPacketType;
import dev.switchyard.rtp.RtpPacket;
import dev.switchyard.sdp.SessionDescription;
import dev.switchyard.transport.WebRtcTransport;
import dev.switchyard.transport.dtls.DtlsRole;

/**
 * One synthetic participant speaking the SFU protocol (docs/PROTOCOL.md) like a browser would: it joins, may
 * publish an Opus and a VP8 track on its publisher connection, may subscribe to every track of the others and
 * answers each subscriber offer. Signaling runs on the socket's threads, media arrives on the publisher
 * transport's receiving thread and on the run's one {@link DatagramSelector} thread for every subscriber, and the
 * shared pacer sends.
 */
final class SyntheticParticipant implements SignalingSocket.Handler {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final long SSRC_BASE = 0x5157_0000L;
    /** Receivers report about once a second, as browsers do for video (RFC 3550 §6.2 leaves the interval open). */
    private static final long RECEIVER_REPORT_INTERVAL_MILLIS = 1000;
    /**
     * Subscribers decrypt one packet in this many (by sequence number) to read its probe's send time, and so
     * measure latency on that sample; every packet is counted from its clear-text header.
     */
    static final int LATENCY_SAMPLE_INTERVAL = 16;
    /** Longer than the server's presence batching, so the departures behind a refused subscription have arrived. */
    private static final long RESUBSCRIBE_DELAY_MILLIS = 200;

    private final LoadContext context;
    private final int index;
    private final boolean publishes;
    private final boolean subscribes;
    private final Reception reception;
    private final CompletableFuture<Void> joined = new CompletableFuture<>();
    private final List<ScheduledFuture<?>> pacing = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    /** Other participants' tracks announced and not unpublished since, by id. */
    private final Set<String> announcedTracks = new LinkedHashSet<>();
    private SignalingSocket socket;
    private String participantId;
    private WebRtcTransport publisher;
    private SelectorClientTransport subscriber;
    private RtpStreamSender audio;
    private RtpStreamSender video;
    private volatile VideoSource videoSource;
    private long subscriberAnswerVersion;
    private long joinStartNanos;
    private volatile long joinNanos = -1;
    private volatile boolean leaving;

    SyntheticParticipant(LoadContext context, int index, boolean publishes, boolean subscribes) {
        this.context = context;
        this.index = index;
        this.publishes = publishes;
        this.subscribes = subscribes;
        this.reception = new Reception(context.streamKeys());
    }

    static int audioStreamKey(int participantIndex) {
        return 2 * participantIndex;
    }

    static int videoStreamKey(int participantIndex) {
        return 2 * participantIndex + 1;
    }

    /** Opens the signaling socket and joins; completes on {@code joined}. */
    CompletableFuture<Void> join() {
        synchronized (this) {
            joinStartNanos = System.nanoTime();
        }
        return SignalingSocket.open(context.http(), context.url(), this).thenCompose(opened -> {
            synchronized (this) {
                socket = opened;
            }
            opened.send(SignalingSocket.message("join").put("room", context.room()).put("name", name()));
            return joined;
        });
    }

    @Override
    public synchronized void onMessage(JsonNode message) {
        try {
            switch (message.path("type").asText()) {
                case "joined" -> onJoined(message);
                case "publish_answer" -> onPublishAnswer(message);
                case "track_published" -> subscribeIfOthers(List.of(message.path("track")));
                case "track_unpublished" -> announcedTracks.remove(message.path("trackId").asText());
                case "subscriber_offer" -> onSubscriberOffer(message);
                case "error" -> onError(message);
                default -> {
                    // Participant and track departures need no action: the server renegotiates by itself.
                }
            }
        } catch (IOException | RuntimeException e) {
            errors.add(message.path("type").asText() + " failed: " + e);
        }
    }

    @Override
    public void onClosed(int status) {
        joined.completeExceptionally(new IOException("signaling closed with status " + status));
    }

    private void onJoined(JsonNode message) throws IOException {
        participantId = message.path("participantId").asText();
        joinNanos = System.nanoTime() - joinStartNanos;
        List<JsonNode> tracks = new ArrayList<>();
        message.path("participants").forEach(p -> p.path("tracks").forEach(tracks::add));
        subscribeIfOthers(tracks);
        if (publishes) {
            publisher = WebRtcTransport.client(context.transports(), LOOPBACK, new PublisherEvents());
            String offer = ClientSdp.publisherOffer(publisher.localDescription(), sessionId(), name(),
                    SSRC_BASE + audioStreamKey(index), SSRC_BASE + videoStreamKey(index));
            ObjectNode publish = SignalingSocket.message("publish").put("sdp", offer);
            ArrayNode tracksField = publish.putArray("tracks");
            tracksField.addObject().put("mid", ClientSdp.AUDIO_MID).put("source", "microphone");
            tracksField.addObject().put("mid", ClientSdp.VIDEO_MID).put("source", "camera");
            socket.send(publish);
        }
        joined.complete(null);
    }

    private void onPublishAnswer(JsonNode message) {
        SessionDescription answer = SessionDescription.parse(message.path("sdp").asText());
        // The server answers a=setup:passive (RFC 8842 §5.3), so this side is the DTLS client.
        publisher.connect(ClientSdp.remoteTransport(answer), DtlsRole.CLIENT);
    }

    private void subscribeIfOthers(List<JsonNode> tracks) {
        if (!subscribes) {
            return;
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode track : tracks) {
            if (!track.path("participantId").asText().equals(participantId)) {
                ids.add(track.path("trackId").asText());
            }
        }
        announcedTracks.addAll(ids);
        subscribe(ids);
    }

    private void subscribe(Collection<String> trackIds) {
        if (!trackIds.isEmpty()) {
            ObjectNode subscribe = SignalingSocket.message("subscribe");
            ArrayNode ids = subscribe.putArray("trackIds");
            trackIds.forEach(ids::add);
            socket.send(subscribe);
        }
    }

    /**
     * A subscription is all or nothing, and in a room where others come and go a track may leave between its
     * announcement and the request: the others are asked for again once the news of what left has arrived
     * (the server ignores tracks already subscribed). Counted as an error all the same.
     */
    private void onError(JsonNode message) {
        errors.add(message.path("code").asText() + ": " + message.path("message").asText());
        if (message.path("code").asText().equals("unknown_track")
                && message.path("requestType").asText().equals("subscribe") && !leaving) {
            context.pacer().schedule(this::subscribeAgain, RESUBSCRIBE_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void subscribeAgain() {
        if (!leaving) {
            subscribe(List.copyOf(announcedTracks));
        }
    }

    private void onSubscriberOffer(JsonNode message) throws IOException {
        SessionDescription offer = SessionDescription.parse(message.path("sdp").asText());
        if (subscriber == null) {
            subscriber = new SelectorClientTransport(context.transports(), context.receivers(), LOOPBACK,
                    new SubscriberEvents());
            // This side answers a=setup:active to the server's actpass, so it is the DTLS client.
            subscriber.connect(ClientSdp.remoteTransport(offer));
        }
        String answer = ClientSdp.subscriberAnswer(offer, subscriber.localDescription(), sessionId(),
                ++subscriberAnswerVersion);
        socket.send(SignalingSocket.message("subscriber_answer").put("sdp", answer));
    }

    private synchronized void startSending() {
        SplittableRandom random = new SplittableRandom(index);
        audio = new RtpStreamSender(publisher, ClientSdp.OPUS_PAYLOAD_TYPE, SSRC_BASE + audioStreamKey(index),
                audioStreamKey(index), random.nextInt(1 << 16));
        video = new RtpStreamSender(publisher, ClientSdp.VP8_PAYLOAD_TYPE, SSRC_BASE + videoStreamKey(index),
                videoStreamKey(index), random.nextInt(1 << 16));
        videoSource = new VideoSource(video, context.videoKilobitsPerSecond(), random.nextLong());
        // Random phases so that publishers do not all send their frames in the same instant.
        pacing.add(context.pacer().scheduleAtFixedRate(new AudioSource(audio, random.nextLong()),
                random.nextLong(AudioSource.PACKET_INTERVAL_MICROS), AudioSource.PACKET_INTERVAL_MICROS,
                TimeUnit.MICROSECONDS));
        pacing.add(context.pacer().scheduleAtFixedRate(videoSource,
                random.nextLong(VideoSource.FRAME_INTERVAL_MICROS), VideoSource.FRAME_INTERVAL_MICROS,
                TimeUnit.MICROSECONDS));
    }

    /** Stops this participant's senders; the pacer may still finish a frame in progress. */
    synchronized void stopSending() {
        pacing.forEach(future -> future.cancel(false));
    }

    /** Sends {@code leave} and waits (bounded) for the server to close the socket, then closes the transports. */
    void leave(long timeoutMillis) {
        leaving = true;
        SignalingSocket current;
        synchronized (this) {
            current = socket;
        }
        if (current != null) {
            try {
                current.send(SignalingSocket.message("leave"));
                current.closed().get(timeoutMillis, TimeUnit.MILLISECONDS);
            } catch (UncheckedIOException | CompletionException | ExecutionException | TimeoutException e) {
                recordError("leave: " + e);
                current.abort();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                current.abort();
            }
        }
        synchronized (this) {
            if (publisher != null) {
                publisher.close();
            }
            if (subscriber != null) {
                subscriber.close();
            }
        }
    }

    /** A transport that closes before {@link #leave} is a failure worth reporting, with the transport's reason. */
    private void closedEarly(String connection, String reason) {
        if (!leaving) {
            recordError(connection + " transport closed: " + reason);
        }
    }

    private synchronized void recordError(String error) {
        errors.add(error);
    }

    /** RFC 8866 §5.2: the o= session id is numeric. */
    private long sessionId() {
        return 1000L + index;
    }

    String name() {
        return "load-" + index;
    }

    int index() {
        return index;
    }

    boolean publishes() {
        return publishes;
    }

    boolean subscribes() {
        return subscribes;
    }

    Reception reception() {
        return reception;
    }

    /** Milliseconds from opening the socket to {@code joined}, or -1 if it never came. */
    double joinMillis() {
        long nanos = joinNanos;
        return nanos < 0 ? -1 : nanos / 1e6;
    }

    /** Milliseconds from opening the socket to the first media packet received, or -1. */
    synchronized double firstMediaMillis() {
        long first = reception.firstPacketNanos();
        return first == 0 ? -1 : (first - joinStartNanos) / 1e6;
    }

    /** Packets sent on the audio and video streams; zero if never sent. Read after the pacer stopped. */
    synchronized int sentPackets(int streamKey) {
        RtpStreamSender sender = streamKey == audioStreamKey(index) ? audio : video;
        return sender == null ? 0 : sender.sentPackets();
    }

    synchronized long sentPacketsTotal() {
        return (audio == null ? 0 : audio.sentPackets()) + (video == null ? 0 : video.sentPackets());
    }

    synchronized long sentBytes() {
        return (audio == null ? 0 : audio.sentBytes()) + (video == null ? 0 : video.sentBytes());
    }

    synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    /** The publisher connection: starts the senders once DTLS is up, turns PLIs into keyframes. */
    private final class PublisherEvents implements WebRtcTransport.Listener {
        private final RtcpCompoundIterator rtcp = new RtcpCompoundIterator();

        @Override
        public void onConnected(WebRtcTransport transport) {
            startSending();
        }

        @Override
        public void onRtp(WebRtcTransport transport, PacketBuffer packet) {
        }

        @Override
        public void onRtcp(WebRtcTransport transport, PacketBuffer packet) {
            rtcp.reset(packet.buffer(), packet.offset(), packet.length());
            while (rtcp.next()) {
                // RFC 4585 §6.3.1: PLI is payload-specific feedback (PT 206) with FMT 1.
                if (rtcp.packetType() == RtcpPacketType.PAYLOAD_FEEDBACK
                        && rtcp.count() == PictureLossIndication.FORMAT) {
                    VideoSource source = videoSource;
                    if (source != null) {
                        source.requestKeyframe();
                    }
                }
            }
        }

        @Override
        public void onClosed(WebRtcTransport transport, String reason) {
            closedEarly("publisher", reason);
        }
    }

    /**
     * The subscriber connection: every packet is counted against the stream its SSRC carries; the first packet of
     * each SSRC and one in {@link #LATENCY_SAMPLE_INTERVAL} are decrypted to read their probe.
     */
    private final class SubscriberEvents implements SelectorClientTransport.Listener {
        private final RtpPacket rtp = new RtpPacket();
        private final PacketBuffer sample = PacketBuffer.allocate();
        private final PacketBuffer report = PacketBuffer.allocate();
        private final ReceivedStreams streams = new ReceivedStreams();

        /** Starts the receiver's RTCP reports, which the server, like any RTP sender, hears from its peers. */
        @Override
        public void onConnected(SelectorClientTransport transport) {
            synchronized (SyntheticParticipant.this) {
                pacing.add(context.pacer().scheduleAtFixedRate(() -> sendReceiverReport(transport),
                        RECEIVER_REPORT_INTERVAL_MILLIS, RECEIVER_REPORT_INTERVAL_MILLIS, TimeUnit.MILLISECONDS));
            }
        }

        /** RFC 3550 §6.4.2: an RR without report blocks; the server does not read the blocks yet. */
        private void sendReceiverReport(SelectorClientTransport transport) {
            report.setOffsetLength(0, ReceiverReport.write(report.buffer(), 0, SSRC_BASE + index, List.of()));
            transport.sendRtcp(report);
        }

        @Override
        public void onProtectedRtp(SelectorClientTransport transport, byte[] data, int offset, int length) {
            long now = System.nanoTime();
            if (!rtp.wrap(data, offset, length)) {
                return;
            }
            int streamKey = streams.streamKey(rtp.ssrc());
            int rtpBytes = length - transport.srtpOverhead();
            if (streamKey != ReceivedStreams.UNKNOWN && rtp.sequenceNumber() % LATENCY_SAMPLE_INTERVAL != 0) {
                reception.count(streamKey, rtpBytes, now);
                return;
            }
            sample.copyFrom(data, offset, length);
            if (!transport.unprotectRtp(sample) || !rtp.wrap(sample.buffer(), sample.offset(), sample.length())
                    || rtp.payloadLength() < Probe.MIN_PAYLOAD) {
                return;
            }
            byte[] buffer = rtp.buffer();
            int payload = rtp.payloadOffset();
            int probedKey = Probe.streamKey(buffer, payload);
            if (reception.record(probedKey, Probe.count(buffer, payload), rtpBytes, Probe.sentNanos(buffer, payload),
                    now, context.window().isOpen()) && streamKey == ReceivedStreams.UNKNOWN) {
                streams.learn(rtp.ssrc(), probedKey);
            }
        }

        @Override
        public void onClosed(SelectorClientTransport transport, String reason) {
            closedEarly("subscriber", reason);
        }
    }
}
