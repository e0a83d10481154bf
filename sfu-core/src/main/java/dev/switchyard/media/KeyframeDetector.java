package dev.switchyard.media;

import dev.switchyard.codec.Av1Descriptor;
import dev.switchyard.codec.H264Descriptor;
import dev.switchyard.codec.Vp8Descriptor;
import dev.switchyard.codec.Vp9Descriptor;
import dev.switchyard.rtp.RtpPacket;

/**
 * Tells whether an RTP packet starts a keyframe, for the video codecs Switchyard forwards. A subscriber's
 * stream starts at such a packet so that its decoder never sees a frame it cannot decode. Reusable, one per
 * forwarding thread; allocates nothing.
 */
public final class KeyframeDetector {

    /** Video codecs by their SDP encoding name. */
    public enum Codec {
        VP8, VP9, H264, AV1;

        /** The codec of an {@code a=rtpmap} encoding name, or null if keyframes of it cannot be detected. */
        public static Codec fromEncodingName(String encodingName) {
            for (Codec codec : values()) {
                if (codec.name().equalsIgnoreCase(encodingName)) {
                    return codec;
                }
            }
            return null;
        }
    }

    private final Vp8Descriptor vp8 = new Vp8Descriptor();
    private final Vp9Descriptor vp9 = new Vp9Descriptor();
    private final H264Descriptor h264 = new H264Descriptor();
    private final Av1Descriptor av1 = new Av1Descriptor();

    public boolean isKeyframeStart(Codec codec, RtpPacket packet) {
        byte[] buffer = packet.buffer();
        int offset = packet.payloadOffset();
        int length = packet.payloadLength();
        return switch (codec) {
            case VP8 -> vp8.parse(buffer, offset, length) && vp8.isKeyframe();
            case VP9 -> vp9.parse(buffer, offset, length) && vp9.isKeyframe();
            case H264 -> h264.parse(buffer, offset, length) && h264.isKeyframe();
            case AV1 -> av1.parse(buffer, offset, length) && av1.isKeyframe();
        };
    }
}
