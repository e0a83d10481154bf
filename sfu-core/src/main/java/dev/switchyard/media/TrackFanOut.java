package dev.switchyard.media;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fan-out of one published track (mediasoup's Producer without the signaling): every packet of the track is
 * handed to each sink. Sinks are grouped by the {@link ForwardingLane} that runs them: the receiving lane serves
 * its own group inline and hands the packet once to each other lane with sinks of this track.
 *
 * <p>The groups are copy-on-write: they change rarely (signaling) while the receiving thread reads a snapshot
 * per packet without locking.
 */
public final class TrackFanOut {

    private static final TrackSink[] NONE = new TrackSink[0];

    private final KeyframeDetector.Codec keyframeCodec;
    private final ForwardingLanes lanes;
    private final AtomicLong sinkFailures = new AtomicLong();
    /** Sinks by lane index. */
    private volatile TrackSink[][] sinksByLane;

    /**
     * @param keyframeCodec the video codec whose keyframes start new streams, or null for audio
     * @param lanes the lanes sinks may run on
     */
    public TrackFanOut(KeyframeDetector.Codec keyframeCodec, ForwardingLanes lanes) {
        this.keyframeCodec = keyframeCodec;
        this.lanes = lanes;
        TrackSink[][] empty = new TrackSink[lanes.size()][];
        Arrays.fill(empty, NONE);
        this.sinksByLane = empty;
    }

    /** The codec keyframes are detected in, or null (audio). */
    public KeyframeDetector.Codec keyframeCodec() {
        return keyframeCodec;
    }

    /** Adds a sink run by {@code lane}; callers serialise changes (the room lock). */
    public void add(TrackSink sink, ForwardingLane lane) {
        TrackSink[][] next = sinksByLane.clone();
        TrackSink[] current = next[lane.index()];
        TrackSink[] grown = Arrays.copyOf(current, current.length + 1);
        grown[current.length] = sink;
        next[lane.index()] = grown;
        sinksByLane = next;
    }

    /** Removes a sink; callers serialise changes (the room lock). */
    public void remove(TrackSink sink) {
        TrackSink[][] next = sinksByLane.clone();
        for (int lane = 0; lane < next.length; lane++) {
            TrackSink[] current = next[lane];
            for (int i = 0; i < current.length; i++) {
                if (current[i] == sink) {
                    TrackSink[] shrunk = new TrackSink[current.length - 1];
                    System.arraycopy(current, 0, shrunk, 0, i);
                    System.arraycopy(current, i + 1, shrunk, i, current.length - i - 1);
                    next[lane] = shrunk;
                    sinksByLane = next;
                    return;
                }
            }
        }
    }

    /** Removes every sink. */
    public void clear() {
        TrackSink[][] empty = new TrackSink[lanes.size()][];
        Arrays.fill(empty, NONE);
        sinksByLane = empty;
    }

    public int size() {
        int size = 0;
        for (TrackSink[] sinks : sinksByLane) {
            size += sinks.length;
        }
        return size;
    }

    /**
     * Hands one received packet to every sink: inline for the sinks of the calling thread's lane (all of them on
     * a thread that runs none of this fan-out's lanes), through the other lanes' inboxes for the rest. The other
     * lanes get it first, so that they forward it while this lane serves its own sinks.
     */
    public void forward(ReceivedPacket packet) {
        ForwardingLane current = ForwardingLane.current();
        TrackSink[][] byLane = sinksByLane;
        if (current == null || !lanes.contains(current)) {
            for (TrackSink[] sinks : byLane) {
                deliver(sinks, packet);
            }
            return;
        }
        for (int lane = 0; lane < byLane.length; lane++) {
            TrackSink[] sinks = byLane[lane];
            if (lane != current.index() && sinks.length != 0) {
                current.handOff(lanes.get(lane), this, sinks, packet);
            }
        }
        deliver(byLane[current.index()], packet);
    }

    /** Hands the packet to each sink; a sink that throws loses this packet alone and is counted. */
    void deliver(TrackSink[] sinks, ReceivedPacket packet) {
        for (TrackSink sink : sinks) {
            try {
                sink.onRtp(packet);
            } catch (RuntimeException e) {
                sinkFailures.incrementAndGet();
            }
        }
    }

    /** Packets a sink failed on: each was dropped for that sink only. */
    public long sinkFailures() {
        return sinkFailures.get();
    }
}
