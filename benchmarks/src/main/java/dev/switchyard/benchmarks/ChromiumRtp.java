package dev.switchyard.benchmarks;

import dev.switchyard.rtp.RtpPacketWriter;
import dev.switchyard.rtp.extension.AbsSendTime;
import dev.switchyard.rtp.extension.AudioLevel;
import dev.switchyard.rtp.extension.SdesIdentifier;
import dev.switchyard.rtp.extension.TransportSequenceNumber;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * RTP packets shaped like the ones Chromium sends with the extmap ids of its default offer (audio: 1
 * ssrc-audio-level, 2 abs-send-time, 3 transport-cc, 4 mid; video adds 10 rtp-stream-id), built with
 * {@link RtpPacketWriter} so the benchmarks measure the same bytes the tests validate.
 */
public final class ChromiumRtp {

    static final int AUDIO_LEVEL_ID = 1;
    static final int ABS_SEND_TIME_ID = 2;
    static final int TRANSPORT_CC_ID = 3;
    static final int MID_ID = 4;
    static final int RTP_STREAM_ID_ID = 10;

    static final byte[] AUDIO_MID = ascii("0");
    static final byte[] VIDEO_MID = ascii("1");
    /** The high simulcast layer, as in Chromium's {@code a=simulcast:send q;h;f}. */
    static final byte[] VIDEO_RID = ascii("h");

    /** A full-size video packet: Chromium packetizes frames to fit a 1200-byte path MTU budget. */
    public static final int VIDEO_LENGTH = 1200;
    /** One 20 ms Opus frame at about 32 kbit/s plus the RTP header. */
    static final int AUDIO_LENGTH = 108;

    private static final int OPUS_PAYLOAD_TYPE = 111;
    private static final int VP8_PAYLOAD_TYPE = 96;
    private static final long AUDIO_SSRC = 0x9A3B_7C10L;
    private static final long VIDEO_SSRC = 0x5E1F_0A2DL;

    private ChromiumRtp() {
    }

    /** Writes a {@link #VIDEO_LENGTH}-byte VP8 packet at {@code destination[0]} and returns its length. */
    public static int writeVideo(byte[] destination, int sequenceNumber, int transportSequenceNumber) {
        RtpPacketWriter writer = new RtpPacketWriter()
                .payloadType(VP8_PAYLOAD_TYPE)
                .sequenceNumber(sequenceNumber)
                .timestamp(0x3C21_F000L)
                .ssrc(VIDEO_SSRC);
        addExtension(writer, ABS_SEND_TIME_ID, AbsSendTime.LENGTH,
                (b, o) -> AbsSendTime.write(b, o, AbsSendTime.fromNanos(12_345_678_901L)));
        addExtension(writer, TRANSPORT_CC_ID, TransportSequenceNumber.LENGTH,
                (b, o) -> TransportSequenceNumber.write(b, o, transportSequenceNumber));
        writer.addExtension(MID_ID, VIDEO_MID, 0, VIDEO_MID.length)
                .addExtension(RTP_STREAM_ID_ID, VIDEO_RID, 0, VIDEO_RID.length);
        return writeWithPayload(writer, VIDEO_LENGTH, destination);
    }

    /** Writes an {@link #AUDIO_LENGTH}-byte Opus packet at {@code destination[0]} and returns its length. */
    static int writeAudio(byte[] destination, int sequenceNumber, int transportSequenceNumber) {
        RtpPacketWriter writer = new RtpPacketWriter()
                .payloadType(OPUS_PAYLOAD_TYPE)
                .sequenceNumber(sequenceNumber)
                .timestamp(0x5A3C_21F0L)
                .ssrc(AUDIO_SSRC);
        addExtension(writer, AUDIO_LEVEL_ID, AudioLevel.LENGTH, (b, o) -> AudioLevel.write(b, o, true, 58));
        addExtension(writer, ABS_SEND_TIME_ID, AbsSendTime.LENGTH,
                (b, o) -> AbsSendTime.write(b, o, AbsSendTime.fromNanos(12_345_678_901L)));
        addExtension(writer, TRANSPORT_CC_ID, TransportSequenceNumber.LENGTH,
                (b, o) -> TransportSequenceNumber.write(b, o, transportSequenceNumber));
        writer.addExtension(MID_ID, AUDIO_MID, 0, AUDIO_MID.length);
        return writeWithPayload(writer, AUDIO_LENGTH, destination);
    }

    private interface ValueWriter {
        void write(byte[] buffer, int offset);
    }

    private static void addExtension(RtpPacketWriter writer, int id, int length, ValueWriter value) {
        byte[] encoded = new byte[length];
        value.write(encoded, 0);
        writer.addExtension(id, encoded, 0, length);
    }

    /** Sizes the payload so the whole packet is {@code length} bytes; the payload bytes are arbitrary. */
    private static int writeWithPayload(RtpPacketWriter writer, int length, byte[] destination) {
        int payloadLength = length - writer.length();
        byte[] payload = new byte[payloadLength];
        Arrays.fill(payload, (byte) 0xA5);
        writer.payload(payload, 0, payloadLength);
        int written = writer.write(destination, 0);
        if (written != length) {
            throw new IllegalStateException("wrote " + written + " bytes instead of " + length);
        }
        return written;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
