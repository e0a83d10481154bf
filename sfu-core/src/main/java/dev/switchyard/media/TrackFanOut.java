package dev.switchyard.media;

import java.util.Arrays;

import dev.switchyard.buffer.PacketBuffer;
import dev.switchyard.rtp.RtpPacket;

/**
 * The fan-out of one published stream: every packet the publisher sends is handed to each subscriber stream.
 *
 * <p>The set of subscriber streams is copy-on-write: it changes rarely (signaling) while the publisher's receiving
 * thread reads a snapshot per packet without locking. Whether a packet starts a keyframe is worked out at most
 * once per packet, and only while some subscriber waits for one.
 */
public final class TrackFanOut {

    private static final SendStream[] NONE = new SendStream[0];

    private final KeyframeDetector.Codec keyframeCodec;
    private volatile SendStream[] streams = NONE;

    /** @param keyframeCodec the video codec whose keyframes start new streams, or null for audio */
    public TrackFanOut(KeyframeDetector.Codec keyframeCodec) {
        this.keyframeCodec = keyframeCodec;
    }

    /** Adds a subscriber; callers serialise changes (the room lock). */
    public void add(SendStream stream) {
        SendStream[] current = streams;
        SendStream[] next = Arrays.copyOf(current, current.length + 1);
        next[current.length] = stream;
        streams = next;
    }

    /** Removes a subscriber; callers serialise changes (the room lock). */
    public void remove(SendStream stream) {
        SendStream[] current = streams;
        for (int i = 0; i < current.length; i++) {
            if (current[i] == stream) {
                SendStream[] next = new SendStream[current.length - 1];
                System.arraycopy(current, 0, next, 0, i);
                System.arraycopy(current, i + 1, next, i, current.length - i - 1);
                streams = next;
                return;
            }
        }
    }

    /** Removes every subscriber. */
    public void clear() {
        streams = NONE;
    }

    public int size() {
        return streams.length;
    }

    /**
     * Forwards one decrypted packet to every subscriber stream.
     *
     * @param packet a view over {@code source}, already wrapped
     * @param scratch a buffer for the per-subscriber copy, owned by the calling thread
     */
    public void forward(RtpPacket packet, PacketBuffer source, PacketBuffer scratch, KeyframeDetector keyframes) {
        SendStream[] targets = streams;
        boolean keyframeKnown = false;
        boolean keyframeStart = false;
        for (SendStream stream : targets) {
            if (stream.isWaitingForKeyframe() && !keyframeKnown) {
                keyframeStart = keyframeCodec == null || keyframes.isKeyframeStart(keyframeCodec, packet);
                keyframeKnown = true;
            }
            stream.forward(source, keyframeStart, scratch);
        }
    }
}
