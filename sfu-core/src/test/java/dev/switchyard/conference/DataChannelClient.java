package dev.switchyard.conference;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.switchyard.buffer.PacketBuffer;
import dev.switchyard.sctp.association.AssociationSettings;
import dev.switchyard.sctp.channel.DataChannel;
import dev.switchyard.sctp.channel.DataChannelListener;
import dev.switchyard.sctp.channel.DataChannels;
import dev.switchyard.sdp.ConnectionData;
import dev.switchyard.sdp.Group;
import dev.switchyard.sdp.MediaDescription;
import dev.switchyard.sdp.Origin;
import dev.switchyard.sdp.SessionDescription;
import dev.switchyard.sdp.Setup;
import dev.switchyard.transport.TransportContext;
import dev.switchyard.transport.WebRtcTransport;
import dev.switchyard.transport.dtls.DtlsRole;

/**
 * A participant with data channels only, on the server's own client transport and SCTP stack: a peer the test
 * controls down to whether it reads at all. Its association runs under this object's lock, fed by the transport's
 * thread, a 10 ms timer and the test.
 */
final class DataChannelClient implements WebRtcTransport.Listener, DataChannelListener, AutoCloseable {

    private static final long TIMER_MILLIS = 10;

    private final WebRtcTransport transport;
    private final DataChannels channels;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final CountDownLatch ready = new CountDownLatch(1);
    /** Text messages received, by sender (the channel's protocol). */
    private final Map<String, List<String>> received = new ConcurrentHashMap<>();
    private volatile boolean reading = true;

    DataChannelClient(TransportContext context) throws Exception {
        transport = WebRtcTransport.client(context, InetAddress.getLoopbackAddress(), this);
        channels = new DataChannels(AssociationSettings.webRtc().withMtu(1150), true, this, System::nanoTime,
                new SecureRandom());
        timer.scheduleWithFixedDelay(this::handleTimeouts, TIMER_MILLIS, TIMER_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** A publisher offer with one data channel m-line (RFC 8841). */
    String offer() {
        SessionDescription offer = new SessionDescription(Origin.of("1", 1));
        MediaDescription data = new MediaDescription(MediaDescription.APPLICATION, 9, MediaDescription.PROTOCOL_SCTP,
                List.of("webrtc-datachannel"));
        data.setConnection(ConnectionData.ipv4("0.0.0.0"));
        data.attributes().setMid("0");
        SdpTransportMapping.addLocalTransport(data, transport.localDescription(), Setup.ACTPASS);
        offer.addMedia(data);
        offer.attributes().add(Group.bundle(List.of("0")));
        return offer.serialize();
    }

    /** Joins through {@code participant}'s publisher connection and waits until the association is up. */
    void connectThrough(Participant participant) throws Exception {
        SessionDescription answer = SessionDescription.parse(participant.publish(offer(), Map.of()).answerSdp());
        transport.connect(SdpTransportMapping.remoteTransport(answer), DtlsRole.CLIENT);
        if (!ready.await(20, TimeUnit.SECONDS)) {
            throw new AssertionError("the data channel association did not come up");
        }
    }

    synchronized DataChannel open(String label, boolean reliable) {
        return channels.open(label, "", true, reliable ? -1 : 0, -1);
    }

    synchronized void send(DataChannel channel, String text) {
        channels.send(channel, text.getBytes(StandardCharsets.UTF_8), false);
    }

    /** From now on, every packet from the server is ignored: no data is read, nothing acknowledged. */
    void stopReading() {
        reading = false;
    }

    List<String> receivedFrom(String senderId) {
        return received.getOrDefault(senderId, List.of());
    }

    private synchronized void handleTimeouts() {
        channels.handleTimeouts();
    }

    @Override
    public synchronized void onConnected(WebRtcTransport connected) {
        channels.connect();
    }

    @Override
    public synchronized void onApplicationData(WebRtcTransport receiving, byte[] buffer, int offset, int length) {
        if (reading) {
            channels.receive(buffer, offset, length);
        }
    }

    @Override
    public void sendPacket(byte[] packet) {
        transport.sendApplicationData(packet, 0, packet.length);
    }

    @Override
    public void onReady() {
        ready.countDown();
    }

    @Override
    public void onMessage(DataChannel channel, byte[] data, boolean binary) {
        received.computeIfAbsent(channel.protocol(), sender -> new CopyOnWriteArrayList<>())
                .add(new String(data, StandardCharsets.UTF_8));
    }

    @Override
    public void onChannelOpened(DataChannel channel) {
    }

    @Override
    public void onChannelClosed(DataChannel channel) {
    }

    @Override
    public void onClosed(String reason) {
    }

    @Override
    public void onRtp(WebRtcTransport receiving, PacketBuffer packet) {
    }

    @Override
    public void onRtcp(WebRtcTransport receiving, PacketBuffer packet) {
    }

    @Override
    public void onClosed(WebRtcTransport closed, String reason) {
    }

    @Override
    public void close() {
        timer.shutdownNow();
        transport.close();
    }
}
