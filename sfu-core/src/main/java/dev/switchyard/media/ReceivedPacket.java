package dev.switchyard.media;

import dev.switchyard.buffer.PacketBuffer;
import dev.switchyard.rtp.RtpPacket;

/**
 * The per-packet context of the receive pipeline (Jitsi Videobridge's PacketInfo): one decrypted RTP packet,
 * when it arrived, the stream it belongs to, and what stages found out about it. One instance per receiving
 * connection is reused for every packet, so stages must not keep it.
 */
public final class ReceivedPacket {

    private final RtpPacket rtp = new RtpPacket();
    private final KeyframeDetector keyframes = new KeyframeDetector();
    private final PacketBuffer scratch = PacketBuffer.allocate();
    private PacketBuffer buffer;
    private long arrivalNanos;
    private ReceiveStream stream;
    private long extendedSequence;
    private KeyframeDetector.Codec keyframeCodec;
    private boolean keyframeKnown;
    private boolean keyframeStart;

    /**
     * Starts a new packet.
     *
     * @return false if {@code decrypted} is no well-formed RTP packet
     */
    public boolean wrap(PacketBuffer decrypted, long arrivalNanos) {
        this.buffer = decrypted;
        this.arrivalNanos = arrivalNanos;
        this.stream = null;
        this.keyframeKnown = false;
        return rtp.wrap(decrypted.buffer(), decrypted.offset(), decrypted.length());
    }

    /** The receive stream the packet belongs to, and its extended sequence number there. */
    public void attach(ReceiveStream stream, long extendedSequence, KeyframeDetector.Codec keyframeCodec) {
        this.stream = stream;
        this.extendedSequence = extendedSequence;
        this.keyframeCodec = keyframeCodec;
    }

    public RtpPacket rtp() {
        return rtp;
    }

    public PacketBuffer buffer() {
        return buffer;
    }

    public long arrivalNanos() {
        return arrivalNanos;
    }

    public ReceiveStream stream() {
        return stream;
    }

    public long extendedSequence() {
        return extendedSequence;
    }

    KeyframeDetector.Codec keyframeCodec() {
        return keyframeCodec;
    }

    /**
     * Whether the packet starts a keyframe; worked out on first ask, at most once per packet, and only asked
     * while some subscriber waits for one. Always true for audio.
     */
    public boolean isKeyframeStart() {
        if (!keyframeKnown) {
            keyframeStart = keyframeCodec == null || keyframes.isKeyframeStart(keyframeCodec, rtp);
            keyframeKnown = true;
        }
        return keyframeStart;
    }

    /** A buffer the receiving thread lends to sinks for their copy of the packet. */
    public PacketBuffer scratch() {
        return scratch;
    }
}
