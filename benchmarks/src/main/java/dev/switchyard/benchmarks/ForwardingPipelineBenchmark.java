package dev.switchyard.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import dev.switchyard.buffer.PacketBuffer;
import dev.switchyard.media.ForwardingLanes;
import dev.switchyard.media.PacketCache;
import dev.switchyard.media.ReceiveStream;
import dev.switchyard.media.ReceivedPacket;
import dev.switchyard.media.SendStream;
import dev.switchyard.media.StreamRewriter;
import dev.switchyard.media.TrackFanOut;
import dev.switchyard.rtp.RtpPacket;
import dev.switchyard.transport.srtp.SrtpKeyingMaterial;
import dev.switchyard.transport.srtp.SrtpProfile;
import dev.switchyard.transport.srtp.SrtpSession;

/**
 * The server's forwarding pipeline in one process, without sockets: an SRTP packet from one publisher is
 * decrypted once, accounted in its {@link ReceiveStream} and kept in its {@link PacketCache} (video), routed by
 * the {@link TrackFanOut}, then copied, rewritten, logged for retransmission and counted by each of N
 * subscribers' {@link SendStream}s and encrypted with that subscriber's own SRTP session (each has its own DTLS
 * keys).
 *
 * <p>One {@link #forward} operation is one incoming packet and N forwarded ones; it also includes the publisher's
 * own protect, measured alone by {@link #publisherProtectOnly} so that it can be subtracted. Per forwarded
 * packet: (forward − publisherProtectOnly) / N.
 */
@Fork(jvmArgsAppend = {SrtpFixtures.OPEN_AES_ENGINE, SrtpFixtures.OPEN_SHA1_ENGINE})
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ForwardingPipelineBenchmark {

    @Param({"1", "10", "100"})
    public int subscribers;

    @Param({"AES128_CM_HMAC_SHA1_80", "AEAD_AES_128_GCM"})
    public SrtpProfile profile;

    @Param({"VIDEO", "AUDIO"})
    public SrtpBenchmark.Media media;

    private final PacketBuffer packet = PacketBuffer.allocate();
    private final RtpPacket view = new RtpPacket();
    private final ReceivedPacket received = new ReceivedPacket();
    private ReceiveStream stream;
    private SrtpSession publisher;
    private SrtpSession serverReceive;
    private ProtectingSender[] sinks;
    private TrackFanOut forwarder;
    private int cleartextLength;
    private int sequenceNumber;

    @Setup
    public void setUp() {
        publisher = new SrtpSession(keys(0x11, 0x22, 0x33, 0x44));
        serverReceive = new SrtpSession(keys(0x33, 0x44, 0x11, 0x22));
        ForwardingLanes lanes = new ForwardingLanes(1);
        forwarder = new TrackFanOut(null, lanes);
        sinks = new ProtectingSender[subscribers];
        for (int i = 0; i < subscribers; i++) {
            sinks[i] = new ProtectingSender(new SrtpSession(keys(0x50 + i, 0x60, 0x70, 0x80)));
            forwarder.add(new SendStream(new StreamRewriter(0x1000 + i, 3000), sinks[i], false,
                    () -> { }), lanes.get(0));
        }
        boolean video = media == SrtpBenchmark.Media.VIDEO;
        cleartextLength = video
                ? ChromiumRtp.writeVideo(packet.buffer(), 0, 0)
                : ChromiumRtp.writeAudio(packet.buffer(), 0, 0);
        view.wrap(packet.buffer(), 0, cleartextLength);
        stream = new ReceiveStream(view.ssrc(), video ? 90_000 : 48_000,
                video ? new PacketCache(512, PacketBuffer.MAX_PACKET) : null);
        if (forward() != subscribers) {
            throw new IllegalStateException("the pipeline did not forward to every subscriber");
        }
    }

    @Benchmark
    public int forward() {
        nextPacket();
        if (!publisher.protectRtp(packet) || !serverReceive.unprotectRtp(packet)
                || !received.wrap(packet, System.nanoTime())) {
            return -1;
        }
        RtpPacket rtp = received.rtp();
        long sequence = stream.onPacket(rtp.sequenceNumber(), rtp.timestamp(), received.arrivalNanos(),
                packet.length());
        if (stream.cache() != null) {
            stream.cache().store(sequence, packet);
        }
        received.attach(stream, sequence, null);
        forwarder.forward(received);
        return subscribers;
    }

    @Benchmark
    public boolean publisherProtectOnly() {
        nextPacket();
        return publisher.protectRtp(packet);
    }

    @TearDown
    public void checkEveryPacketWentThrough() {
        long rejected = SrtpFixtures.rejected(serverReceive.stats().rtpUnprotect());
        for (ProtectingSender sink : sinks) {
            rejected += SrtpFixtures.rejected(sink.session().stats().rtpProtect());
        }
        if (rejected != 0) {
            throw new IllegalStateException(rejected + " packets were rejected");
        }
    }

    private void nextPacket() {
        sequenceNumber = (sequenceNumber + 1) & 0xFFFF;
        packet.setOffsetLength(0, cleartextLength);
        view.wrap(packet.buffer(), 0, cleartextLength);
        view.setSequenceNumber(sequenceNumber);
    }

    private SrtpKeyingMaterial keys(int localKey, int localSalt, int remoteKey, int remoteSalt) {
        return SrtpFixtures.keys(profile, localKey, localSalt, remoteKey, remoteSalt);
    }
}
