package dev.switchyard.loadgen;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A VP8-shaped video stream (RFC 7741): 30 frames per second at a target bitrate, a keyframe five times the
 * size of a delta frame every two seconds and whenever a PLI asks for one, each frame cut into equal packets of
 * at most {@link RtpStreamSender#MAX_PAYLOAD} bytes, the marker bit on a frame's last packet.
 */
final class VideoSource implements Runnable {

    static final int FRAMES_PER_SECOND = 30;
    static final long FRAME_INTERVAL_MICROS = 1_000_000 / FRAMES_PER_SECOND;
    private static final int KEYFRAME_INTERVAL_FRAMES = 2 * FRAMES_PER_SECOND;
    private static final int KEYFRAME_SIZE_FACTOR = 5;
    private static final int RTP_TICKS_PER_FRAME = 90_000 / FRAMES_PER_SECOND;
    /** RFC 7741 §4.2: X=0, N=0, S=1 (start of a partition), PID=0. */
    private static final byte DESCRIPTOR_START = 0x10;
    private static final byte DESCRIPTOR_CONTINUATION = 0x00;
    private static final int DESCRIPTOR_LENGTH = 1;

    private final RtpStreamSender sender;
    private final SplittableRandom random;
    private final int deltaFrameBytes;
    private final AtomicBoolean keyframeRequested = new AtomicBoolean(true);
    private int framesSinceKeyframe;
    private long rtpTimestamp;

    VideoSource(RtpStreamSender sender, int kilobitsPerSecond, long seed) {
        this.sender = sender;
        this.random = new SplittableRandom(seed);
        int averageFrameBytes = kilobitsPerSecond * 1000 / 8 / FRAMES_PER_SECOND;
        // Over one keyframe interval: (interval - 1) delta frames + one keyframe = interval average frames.
        this.deltaFrameBytes = averageFrameBytes * KEYFRAME_INTERVAL_FRAMES
                / (KEYFRAME_INTERVAL_FRAMES - 1 + KEYFRAME_SIZE_FACTOR);
        this.rtpTimestamp = random.nextInt() & 0xFFFF_FFFFL;
    }

    /** A PLI arrived (RFC 4585 §6.3.1): the next frame is a keyframe. */
    void requestKeyframe() {
        keyframeRequested.set(true);
    }

    @Override
    public void run() {
        boolean keyframe = keyframeRequested.getAndSet(false)
                || framesSinceKeyframe >= KEYFRAME_INTERVAL_FRAMES - 1;
        framesSinceKeyframe = keyframe ? 0 : framesSinceKeyframe + 1;
        int nominal = keyframe ? deltaFrameBytes * KEYFRAME_SIZE_FACTOR : deltaFrameBytes;
        // Real encoders miss their per-frame budget by some tens of percent either way.
        int frameBytes = Math.max(Probe.MIN_PAYLOAD, nominal * (80 + random.nextInt(41)) / 100);
        int maxPerPacket = RtpStreamSender.MAX_PAYLOAD - DESCRIPTOR_LENGTH;
        int packets = (frameBytes + maxPerPacket - 1) / maxPerPacket;
        int perPacket = Math.max(Probe.MIN_PAYLOAD - DESCRIPTOR_LENGTH, (frameBytes + packets - 1) / packets);
        for (int i = 0; i < packets; i++) {
            byte[] payload = sender.payload();
            payload[0] = i == 0 ? DESCRIPTOR_START : DESCRIPTOR_CONTINUATION;
            if (i == 0) {
                writeFrameHeader(payload, keyframe);
            }
            sender.send(DESCRIPTOR_LENGTH + perPacket, rtpTimestamp, i == packets - 1);
        }
        rtpTimestamp = (rtpTimestamp + RTP_TICKS_PER_FRAME) & 0xFFFF_FFFFL;
    }

    /** RFC 6386 §9.1: the frame tag (P bit 0 for a keyframe, show_frame set), then a keyframe's start code and size. */
    private static void writeFrameHeader(byte[] payload, boolean keyframe) {
        int offset = DESCRIPTOR_LENGTH;
        payload[offset] = (byte) (keyframe ? 0x10 : 0x11);
        payload[offset + 1] = 0;
        payload[offset + 2] = 0;
        if (keyframe) {
            payload[offset + 3] = (byte) 0x9d;
            payload[offset + 4] = 0x01;
            payload[offset + 5] = 0x2a;
            payload[offset + 6] = (byte) 0x80;
            payload[offset + 7] = 0x02;
            payload[offset + 8] = (byte) 0xe0;
            payload[offset + 9] = 0x01;
        }
    }
}
