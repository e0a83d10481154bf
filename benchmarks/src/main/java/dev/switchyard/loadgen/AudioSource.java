package dev.switchyard.loadgen;

import java.util.SplittableRandom;

/**
 * An Opus-shaped audio stream (RFC 7587): one 20 ms frame per packet, 50 packets per second, 60–120 bytes each
 * as a voice encoder at about 32 kbit/s produces.
 */
final class AudioSource implements Runnable {

    static final long PACKET_INTERVAL_MICROS = 20_000;
    private static final int RTP_TICKS_PER_PACKET = 960;
    /** RFC 6716 §3.1 TOC: config 15 (hybrid fullband, 20 ms), mono, one frame. */
    private static final byte TOC = 0x78;
    private static final int MIN_BYTES = 60;
    private static final int BYTES_SPREAD = 61;

    private final RtpStreamSender sender;
    private final SplittableRandom random;
    private long rtpTimestamp;

    AudioSource(RtpStreamSender sender, long seed) {
        this.sender = sender;
        this.random = new SplittableRandom(seed);
        this.rtpTimestamp = random.nextInt() & 0xFFFF_FFFFL;
    }

    @Override
    public void run() {
        sender.payload()[0] = TOC;
        sender.send(MIN_BYTES + random.nextInt(BYTES_SPREAD), rtpTimestamp, false);
        rtpTimestamp = (rtpTimestamp + RTP_TICKS_PER_PACKET) & 0xFFFF_FFFFL;
    }
}
