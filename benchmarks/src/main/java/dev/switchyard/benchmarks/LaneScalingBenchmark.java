package dev.switchyard.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

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
import dev.switchyard.media.ForwardingLane;
import dev.switchyard.media.ForwardingLanes;
import dev.switchyard.media.PacketCache;
import dev.switchyard.media.ReceiveStream;
import dev.switchyard.media.ReceivedPacket;
import dev.switchyard.media.SendStream;
import dev.switchyard.media.StreamRewriter;
import dev.switchyard.media.TrackFanOut;
import dev.switchyard.rtp.RtpPacket;
import dev.switchyard.transport.srtp.SrtpProfile;
import dev.switchyard.transport.srtp.SrtpSession;

/**
 * How forwarding scales with media workers: one publisher's decrypted 1200-byte video packets go to N
 * subscribers whose send streams (rewrite, sent-packet log, counters) and AES-CM protection run on 1 or 2
 * {@link ForwardingLane}s. The benchmark thread is lane 0 (it receives the track); with two lanes, half of the
 * subscribers are on lane 1, run by a second thread that takes the packet from its inbox.
 *
 * <p>One operation is one incoming packet delivered to all N subscribers; compare operations per second of
 * {@code lanes=2} with {@code lanes=1}. The receive side's SRTP unprotect (once per incoming packet, identical in
 * both) is left out, so the ratio is the fan-out's.
 */
@Fork(jvmArgsAppend = {SrtpFixtures.OPEN_AES_ENGINE, SrtpFixtures.OPEN_SHA1_ENGINE})
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LaneScalingBenchmark {

    /** Lane 0 looks at how far lane 1 is behind once per this many packets: the look costs a cache miss. */
    private static final int CHECK_INTERVAL = 16;

    /**
     * Packets lane 0 may have handed over and lane 1 not yet forwarded: all of the lane's slots but those lane 0
     * may hand over between two looks. As deep as the server's hand-off, so that a lane whose virtual CPU is
     * descheduled for a moment stalls the other no sooner than in the server.
     */
    private static final int MAX_IN_FLIGHT = ForwardingLanes.SLOTS_PER_LANE - CHECK_INTERVAL;

    @Param({"10", "100"})
    public int subscribers;

    @Param({"1", "2"})
    public int lanes;

    private final PacketBuffer packet = PacketBuffer.allocate();
    private final RtpPacket view = new RtpPacket();
    private final ReceivedPacket received = new ReceivedPacket();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicLong forwardedByLaneOne = new AtomicLong();
    private ForwardingLanes forwardingLanes;
    private ProtectingSender[] senders;
    private TrackFanOut fanOut;
    private ReceiveStream stream;
    private Thread laneOneThread;
    private int cleartextLength;
    private int sequenceNumber;

    @Setup
    public void setUp() {
        forwardingLanes = new ForwardingLanes(lanes);
        fanOut = new TrackFanOut(null, forwardingLanes);
        senders = new ProtectingSender[subscribers];
        // The first half of the subscribers on lane 0, the second on lane 1: created one after the other, the
        // state of neighbouring subscribers shares cache lines, which two lanes writing alternately would fight
        // over (false sharing), as subscribers created at different times do not.
        for (int i = 0; i < subscribers; i++) {
            senders[i] = new ProtectingSender(new SrtpSession(SrtpFixtures.keys(
                    SrtpProfile.AES128_CM_HMAC_SHA1_80, 0x50 + i, 0x60, 0x70, 0x80)));
            fanOut.add(new SendStream(new StreamRewriter(0x1000 + i, 3000), senders[i], false, () -> { }),
                    forwardingLanes.get(i * lanes / subscribers));
        }
        cleartextLength = ChromiumRtp.writeVideo(packet.buffer(), 0, 0);
        view.wrap(packet.buffer(), 0, cleartextLength);
        stream = new ReceiveStream(view.ssrc(), 90_000, new PacketCache(512, PacketBuffer.MAX_PACKET));
        // The benchmark thread runs lane 0, as a media worker runs its lane.
        forwardingLanes.get(0).drain();
        if (lanes > 1) {
            ForwardingLane laneOne = forwardingLanes.get(1);
            laneOneThread = new Thread(() -> {
                while (!stop.get()) {
                    int forwarded = laneOne.drain();
                    if (forwarded == 0) {
                        Thread.onSpinWait();
                    } else {
                        forwardedByLaneOne.addAndGet(forwarded);
                    }
                }
            }, "lane-1");
            laneOneThread.start();
        }
    }

    @Benchmark
    public int forward() {
        sequenceNumber = (sequenceNumber + 1) & 0xFFFF;
        if (sequenceNumber % CHECK_INTERVAL == 0) {
            ForwardingLane laneZero = forwardingLanes.get(0);
            while (laneZero.handedOff() - forwardedByLaneOne.get() >= MAX_IN_FLIGHT) {
                Thread.onSpinWait();
            }
        }
        packet.setOffsetLength(0, cleartextLength);
        view.wrap(packet.buffer(), 0, cleartextLength);
        view.setSequenceNumber(sequenceNumber);
        received.wrap(packet, System.nanoTime());
        long extended = stream.onPacket(sequenceNumber, view.timestamp(), received.arrivalNanos(), cleartextLength);
        stream.cache().store(extended, packet);
        received.attach(stream, extended, null);
        fanOut.forward(received);
        return subscribers;
    }

    @TearDown
    public void stopLaneOneAndCheckNothingWasDropped() throws InterruptedException {
        stop.set(true);
        if (laneOneThread != null) {
            laneOneThread.join();
        }
        long dropped = forwardingLanes.get(0).droppedNoSlot();
        if (dropped != 0) {
            throw new IllegalStateException(dropped + " packets found no free slot");
        }
        for (ProtectingSender sender : senders) {
            long rejected = SrtpFixtures.rejected(sender.session().stats().rtpProtect());
            if (rejected != 0) {
                throw new IllegalStateException(rejected + " packets were rejected");
            }
        }
    }
}
