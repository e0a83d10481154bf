package dev.switchyard.conference;

import java.util.Map;
import java.util.random.RandomGenerator;

import dev.switchyard.buffer.PacketBuffer;
import dev.switchyard.media.ForwardingLane;
import dev.switchyard.media.HeaderExtensionMap;
import dev.switchyard.media.RtpSender;
import dev.switchyard.media.SendStream;
import dev.switchyard.media.StreamRewriter;

/**
 * One subscriber's view of one published track (mediasoup's Consumer): the m-line it arrives on and the
 * forwarding state ({@link SendStream}) that gives it its own SSRC and continuous numbering.
 */
final class Subscription implements RtpSender {

    private final PublishedTrack track;
    private final ForwardingLane lane;
    private final String mid;
    private final SendStream stream;
    private final long rtxSsrc;
    private final int offeredRtxPayloadType;
    private final RtpSender connection;
    /**
     * Set once the subscriber answered an offer that carries this subscription. Until then nothing is sent: a
     * browser drops packets of a stream it has not negotiated, and a dropped keyframe would cost the subscriber
     * a keyframe request and its round trip before the first frame.
     */
    private volatile boolean answered;

    /**
     * @param connection the subscriber's connection, which protects and sends
     * @param lane the lane whose thread runs the subscriber's send streams
     * @param retransmission whether to offer NACK and RTX (video only)
     * @param random source of the RTX SSRC and first RTX sequence number
     */
    Subscription(PublishedTrack track, RtpSender connection, ForwardingLane lane, String mid, long outputSsrc,
                 boolean retransmission, RandomGenerator random) {
        this.track = track;
        this.connection = connection;
        this.lane = lane;
        this.mid = mid;
        boolean video = track.kind() == MediaKind.VIDEO;
        this.offeredRtxPayloadType = video && retransmission
                ? RtpCapabilities.rtxPayloadTypeFor(track.codec().payloadType()) : -1;
        this.rtxSsrc = offeredRtxPayloadType < 0 ? 0 : random.nextLong(1, 0x1_0000_0000L);
        this.stream = new SendStream(new StreamRewriter(outputSsrc, track.codec().frameTicks()), this, video,
                track, rtxSsrc, random.nextInt(0x1_0000), track.ownerId());
        useHeaderExtensions(RtpCapabilities.subscriberExtensions(track.kind()));
    }

    /** The subscriber's answer took this subscription's m-line: from now on its packets go out. */
    void markAnswered() {
        answered = true;
    }

    boolean isAnswered() {
        return answered;
    }

    @Override
    public boolean isReady() {
        return answered && connection.isReady();
    }

    @Override
    public boolean sendRtp(PacketBuffer packet) {
        return connection.sendRtp(packet);
    }

    @Override
    public boolean sendRtcp(PacketBuffer packet) {
        return connection.sendRtcp(packet);
    }

    /** The RTX payload type offered for this m-line, or -1 if retransmission is not offered. */
    int offeredRtxPayloadType() {
        return offeredRtxPayloadType;
    }

    /** The SSRC retransmissions go out with, or 0 if retransmission is not offered. */
    long rtxSsrc() {
        return rtxSsrc;
    }

    /** Whether the answer took RTX: retransmissions then go out as RTX, otherwise as the packets were. */
    void useRtx(boolean accepted) {
        stream.setRtxPayloadType(accepted ? offeredRtxPayloadType : -1);
    }

    /**
     * Forwards the header extensions the subscriber takes, by URI, with the subscriber's ids: at first what the
     * offer proposes, then what the answer accepted.
     */
    void useHeaderExtensions(Map<String, Integer> subscriberIds) {
        stream.setHeaderExtensions(HeaderExtensionMap.between(track.extensionIds(), subscriberIds));
    }

    PublishedTrack track() {
        return track;
    }

    ForwardingLane lane() {
        return lane;
    }

    String mid() {
        return mid;
    }

    long outputSsrc() {
        return stream.outputSsrc();
    }

    SendStream stream() {
        return stream;
    }
}
