package dev.switchyard.media;

import java.util.concurrent.atomic.AtomicLong;

import dev.switchyard.buffer.PacketBuffer;
import dev.switchyard.rtp.RtpPacket;

/**
 * One RTP stream the server sends to one subscriber (mediasoup's RtpStreamSend): the subscriber's copy of a
 * published track. Its send path, in order:
 * <ol>
 *   <li>hold video back until a keyframe starts, asking the publisher for one meanwhile, so the subscriber's
 *       decoder can start;</li>
 *   <li>copy the packet and rewrite SSRC, sequence number and timestamp ({@link StreamRewriter}), and its
 *       header extensions to the subscriber's numbering ({@link HeaderExtensionMap});</li>
 *   <li>log which received packet went out under which sequence number, for retransmission
 *       ({@link SentPacketLog});</li>
 *   <li>count packets and payload octets for sender reports;</li>
 *   <li>hand it to the subscriber's connection, which protects and sends it ({@link RtpSender}).</li>
 * </ol>
 *
 * <p>{@link #onRtp} runs on the thread receiving the track only, so its state needs no lock; it allocates
 * nothing.
 */
public final class SendStream implements TrackSink {

    /** About a second of video at high rates: what a NACK can still usefully ask for. */
    private static final int LOGGED_PACKETS = 1024;
    /** RFC 3550 §6.2 allows 5 s; browsers report every second, and a new subscriber syncs sooner. */
    private static final long SENDER_REPORT_INTERVAL_NANOS = 1_000_000_000L;
    /** How soon to look again for the publisher's first SR when there was none to follow yet. */
    private static final long SENDER_REPORT_RETRY_NANOS = 100_000_000L;

    private final StreamRewriter rewriter;
    private final HeaderExtensionRewriter extensions = new HeaderExtensionRewriter();
    private final RtpSender sender;
    private final KeyframeRequester keyframes;
    private final SentPacketLog sentPackets = new SentPacketLog(LOGGED_PACKETS);
    private final RtpPacket outgoing = new RtpPacket();
    private final AtomicLong packetsSent = new AtomicLong();
    private final AtomicLong payloadOctetsSent = new AtomicLong();
    /** Used by {@link #rebuildSent} and {@link #retransmit} only, on the one thread that answers NACKs. */
    private final RtpPacket rebuilt = new RtpPacket();
    private final HeaderExtensionRewriter rebuiltExtensions = new HeaderExtensionRewriter();
    /** Room for a full packet, the two bytes RTX adds (RFC 4588 §4) and the SRTP trailer. */
    private final PacketBuffer retransmission = PacketBuffer.allocate(PacketBuffer.DEFAULT_CAPACITY + 2);
    private final long rtxSsrc;
    private int rtxSequence;
    /** The RTX payload type the subscriber accepted, or -1 to resend packets as they were. */
    private volatile int rtxPayloadType = -1;
    private final long[] foundTimestamp = new long[1];
    private volatile HeaderExtensionMap extensionMap = HeaderExtensionMap.NONE;
    /** This stream's SDES (its CNAME), sent after each SR. */
    private final byte[] sourceDescription;
    private final PacketBuffer report = PacketBuffer.allocate();
    private boolean reportScheduled;
    private long nextReportNanos;
    private boolean waitingForKeyframe;
    /** The received stream the packets come from; written by the sending thread, read by the NACK thread. */
    private volatile ReceiveStream source;

    /**
     * @param startAtKeyframe whether to wait for a keyframe before the first packet (video)
     * @param keyframes asked for a keyframe while this stream waits for one
     */
    public SendStream(StreamRewriter rewriter, RtpSender sender, boolean startAtKeyframe,
                      KeyframeRequester keyframes) {
        this(rewriter, sender, startAtKeyframe, keyframes, 0, 0, "switchyard");
    }

    /**
     * @param rtxSsrc the SSRC retransmissions go out with once RTX is negotiated (RFC 4588 §8)
     * @param firstRtxSequence the first RTX sequence number (random, RFC 3550 §5.1)
     * @param cname the CNAME of the publishing participant, the same on all of its streams (RFC 3550 §6.5.1)
     */
    public SendStream(StreamRewriter rewriter, RtpSender sender, boolean startAtKeyframe,
                      KeyframeRequester keyframes, long rtxSsrc, int firstRtxSequence, String cname) {
        this.rewriter = rewriter;
        this.sender = sender;
        this.keyframes = keyframes;
        this.waitingForKeyframe = startAtKeyframe;
        this.rtxSsrc = rtxSsrc;
        this.rtxSequence = firstRtxSequence & 0xFFFF;
        this.sourceDescription = SenderReportWriter.sourceDescription(rewriter.outputSsrc(), cname);
    }

    /** Retransmissions as RTX with {@code payloadType}, or as plain resends with -1. Any thread. */
    public void setRtxPayloadType(int payloadType) {
        this.rtxPayloadType = payloadType;
    }

    public long outputSsrc() {
        return rewriter.outputSsrc();
    }

    /** The header extensions the subscriber negotiated, by the publisher's and the subscriber's ids. Any thread. */
    public void setHeaderExtensions(HeaderExtensionMap map) {
        this.extensionMap = map;
    }

    public boolean isWaitingForKeyframe() {
        return waitingForKeyframe;
    }

    @Override
    public void onRtp(ReceivedPacket packet) {
        if (!sender.isReady()) {
            return;
        }
        if (waitingForKeyframe) {
            if (!packet.isKeyframeStart()) {
                keyframes.requestKeyframe();
                return;
            }
            waitingForKeyframe = false;
        }
        PacketBuffer copy = packet.scratch();
        PacketBuffer received = packet.buffer();
        copy.setOffsetLength(0, 0);
        copy.copyFrom(received.buffer(), received.offset(), received.length());
        if (!outgoing.wrap(copy.buffer(), copy.offset(), copy.length())) {
            return;
        }
        rewriter.rewrite(outgoing);
        extensions.rewrite(outgoing, extensionMap);
        logSent(packet);
        packetsSent.lazySet(packetsSent.get() + 1);
        payloadOctetsSent.lazySet(payloadOctetsSent.get() + outgoing.payloadLength());
        sender.sendRtp(copy);
        long now = packet.arrivalNanos();
        if (!reportScheduled || now - nextReportNanos >= 0) {
            reportScheduled = true;
            nextReportNanos = now + (sendSenderReport(now) ? SENDER_REPORT_INTERVAL_NANOS : SENDER_REPORT_RETRY_NANOS);
        }
    }

    /**
     * RFC 3550 §6.4.1: the SR maps this stream's timestamps to wallclock time. The mapping is the publisher's
     * own (from its last SR) carried through the rewriter's offset, so a subscriber lines up the audio and video
     * of one participant as the publisher timed them, across source switches. No SR until the publisher sent one.
     *
     * @param now the server time of the packet just sent, which the report's timestamps describe
     * @return false if there was no mapping to follow yet
     */
    private boolean sendSenderReport(long now) {
        ReceiveStream stream = source;
        long sourceTimestamp = stream == null ? -1 : stream.rtpTimestampAt(now);
        long outputTimestamp = sourceTimestamp < 0 ? -1 : rewriter.outputTimestamp(stream.ssrc(), sourceTimestamp);
        if (outputTimestamp < 0) {
            return false;
        }
        SenderReportWriter.write(report, rewriter.outputSsrc(), SenderReportWriter.ntpTimestamp(
                System.currentTimeMillis()), outputTimestamp, packetsSent.get(), payloadOctetsSent.get(),
                sourceDescription);
        sender.sendRtcp(report);
        return true;
    }

    private void logSent(ReceivedPacket packet) {
        ReceiveStream stream = packet.stream();
        if (stream != source) {
            // Sequence numbers of another source stream mean nothing in the old one's cache.
            source = stream;
            sentPackets.clear();
        }
        if (stream != null) {
            sentPackets.record(outgoing.sequenceNumber(), outgoing.timestamp(), packet.extendedSequence());
        }
    }

    /**
     * Rebuilds the packet this stream sent as {@code outputSequence} from its source stream's cache, rewritten
     * exactly as it was sent, ready to protect. One thread at a time may call it (the one answering this
     * subscriber's NACKs); it may run while {@link #onRtp} runs on another.
     *
     * @return false if the packet is no longer logged or no longer cached
     */
    public boolean rebuildSent(int outputSequence, PacketBuffer into) {
        ReceiveStream stream = source;
        PacketCache cache = stream == null ? null : stream.cache();
        if (cache == null) {
            return false;
        }
        long sourceSequence = sentPackets.find(outputSequence, foundTimestamp);
        if (sourceSequence < 0 || !cache.copy(sourceSequence, into)) {
            return false;
        }
        if (!rebuilt.wrap(into.buffer(), into.offset(), into.length())) {
            return false;
        }
        rebuilt.setSsrc(rewriter.outputSsrc());
        rebuilt.setSequenceNumber(outputSequence);
        rebuilt.setTimestamp(foundTimestamp[0]);
        rebuiltExtensions.rewrite(rebuilt, extensionMap);
        return true;
    }

    /** What became of one requested retransmission. */
    public enum Retransmission {
        SENT,
        /** The packet is no longer in the sent-packet log or the source's cache. */
        NOT_IN_HISTORY,
        /** The subscriber's connection is down or dropped it. */
        NOT_SENT
    }

    /**
     * Sends again the packet that went out as {@code outputSequence}, which the subscriber reported lost
     * (RFC 4585 §6.2.1 NACK): as RTX on the retransmission SSRC if the subscriber negotiated it (RFC 4588 §4, the
     * original sequence number first in the payload), otherwise as it was. One thread at a time, like
     * {@link #rebuildSent}.
     */
    public Retransmission retransmit(int outputSequence) {
        if (!rebuildSent(outputSequence, retransmission)) {
            return Retransmission.NOT_IN_HISTORY;
        }
        int payloadType = rtxPayloadType;
        if (payloadType >= 0) {
            wrapAsRtx(outputSequence, payloadType);
        }
        return sender.isReady() && sender.sendRtp(retransmission) ? Retransmission.SENT : Retransmission.NOT_SENT;
    }

    /** Moves the payload two bytes on and writes the original sequence number before it. */
    private void wrapAsRtx(int originalSequence, int payloadType) {
        byte[] bytes = retransmission.buffer();
        int payloadOffset = rebuilt.payloadOffset();
        int end = retransmission.offset() + retransmission.length();
        System.arraycopy(bytes, payloadOffset, bytes, payloadOffset + 2, end - payloadOffset);
        bytes[payloadOffset] = (byte) (originalSequence >> 8);
        bytes[payloadOffset + 1] = (byte) originalSequence;
        retransmission.setOffsetLength(retransmission.offset(), retransmission.length() + 2);
        rebuilt.wrap(bytes, retransmission.offset(), retransmission.length());
        rebuilt.setPayloadType(payloadType);
        rebuilt.setSsrc(rtxSsrc);
        rebuilt.setSequenceNumber(rtxSequence);
        rtxSequence = (rtxSequence + 1) & 0xFFFF;
    }

    /** The length of the last retransmitted packet as it went out. */
    int lastRetransmissionLength() {
        return retransmission.length();
    }

    /** RTP packets sent so far (RFC 3550 §6.4.1 sender's packet count). */
    public long packetsSent() {
        return packetsSent.get();
    }

    /** Payload octets sent so far (RFC 3550 §6.4.1 sender's octet count). */
    public long payloadOctetsSent() {
        return payloadOctetsSent.get();
    }
}
