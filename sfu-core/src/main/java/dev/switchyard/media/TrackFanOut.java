package dev.switchyard.media;

import java.util.Arrays;

/**
 * The fan-out of one published track (mediasoup's Producer without the signaling): every packet of the track is
 * handed to each sink.
 *
 * <p>The set of sinks is copy-on-write: it changes rarely (signaling) while the receiving thread reads a snapshot
 * per packet without locking.
 */
public final class TrackFanOut {

    private static final TrackSink[] NONE = new TrackSink[0];

    private final KeyframeDetector.Codec keyframeCodec;
    private volatile TrackSink[] sinks = NONE;

    /** @param keyframeCodec the video codec whose keyframes start new streams, or null for audio */
    public TrackFanOut(KeyframeDetector.Codec keyframeCodec) {
        this.keyframeCodec = keyframeCodec;
    }

    /** The codec keyframes are detected in, or null (audio). */
    public KeyframeDetector.Codec keyframeCodec() {
        return keyframeCodec;
    }

    /** Adds a sink; callers serialise changes (the room lock). */
    public void add(TrackSink sink) {
        TrackSink[] current = sinks;
        TrackSink[] next = Arrays.copyOf(current, current.length + 1);
        next[current.length] = sink;
        sinks = next;
    }

    /** Removes a sink; callers serialise changes (the room lock). */
    public void remove(TrackSink sink) {
        TrackSink[] current = sinks;
        for (int i = 0; i < current.length; i++) {
            if (current[i] == sink) {
                TrackSink[] next = new TrackSink[current.length - 1];
                System.arraycopy(current, 0, next, 0, i);
                System.arraycopy(current, i + 1, next, i, current.length - i - 1);
                sinks = next;
                return;
            }
        }
    }

    /** Removes every sink. */
    public void clear() {
        sinks = NONE;
    }

    public int size() {
        return sinks.length;
    }

    /** Hands one received packet to every sink. */
    public void forward(ReceivedPacket packet) {
        for (TrackSink sink : sinks) {
            sink.onRtp(packet);
        }
    }
}
