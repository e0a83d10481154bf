package dev.switchyard.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.switchyard.buffer.PacketBuffer;
import dev.switchyard.media.RtpSender;
import dev.switchyard.media.SendStream;
import dev.switchyard.media.StreamRewriter;
import dev.switchyard.media.ForwardingLanes;
import dev.switchyard.media.TrackFanOut;

/**
 * Subscribe/unsubscribe churn on the routing table of a large room: in a room of P participants where everyone
 * receives everyone's video, one operation adds a subscriber to one track's fan-out and removes another, as a
 * participant joining and one leaving do for every track they receive. The fan-out is copy-on-write, so this is
 * the price the media path's lock-free reads are paid with.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RouterChurnBenchmark {

    private static final RtpSender NOWHERE = new RtpSender() {
        @Override
        public boolean isReady() {
            return false;
        }

        @Override
        public boolean sendRtp(PacketBuffer packet) {
            return false;
        }

        @Override
        public boolean sendRtcp(PacketBuffer packet) {
            return false;
        }
    };

    @Param({"100", "1000"})
    public int participants;

    /** One lane: churn is about the sink tables, not about threads. */
    private static final ForwardingLanes LANES = new ForwardingLanes(1);

    private TrackFanOut[] tracks;
    private SendStream[][] streams;
    private int next;

    @Setup
    public void setUp() {
        tracks = new TrackFanOut[participants];
        streams = new SendStream[participants][participants];
        for (int track = 0; track < participants; track++) {
            tracks[track] = new TrackFanOut(null, LANES);
            for (int subscriber = 0; subscriber < participants; subscriber++) {
                streams[track][subscriber] = new SendStream(new StreamRewriter(subscriber, 3000), NOWHERE,
                        true, () -> { });
                if (subscriber != track) {
                    tracks[track].add(streams[track][subscriber], LANES.get(0));
                }
            }
        }
    }

    /** One subscriber leaves one track's fan-out and comes back: two copy-on-write updates. */
    @Benchmark
    public int unsubscribeAndResubscribe() {
        int track = next % participants;
        int subscriber = (track + 1 + next / participants % (participants - 1)) % participants;
        next++;
        TrackFanOut forwarder = tracks[track];
        forwarder.remove(streams[track][subscriber]);
        forwarder.add(streams[track][subscriber], LANES.get(0));
        return forwarder.size();
    }
}
