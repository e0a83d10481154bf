package dev.switchyard.conference;

import java.util.ArrayList;
import java.util.List;

import dev.switchyard.sdp.Attributes;
import dev.switchyard.sdp.ConnectionData;
import dev.switchyard.sdp.Direction;
import dev.switchyard.sdp.Extmap;
import dev.switchyard.sdp.Fmtp;
import dev.switchyard.sdp.Group;
import dev.switchyard.sdp.MediaDescription;
import dev.switchyard.sdp.Msid;
import dev.switchyard.sdp.Origin;
import dev.switchyard.sdp.RtcpFeedback;
import dev.switchyard.sdp.RtpMap;
import dev.switchyard.sdp.SessionDescription;
import dev.switchyard.sdp.Setup;
import dev.switchyard.sdp.Ssrc;
import dev.switchyard.sdp.SsrcGroup;
import dev.switchyard.transport.TransportDescription;

/**
 * Writes the server's offer for a subscriber connection: one send-only m-line per subscribed track, in the
 * order the m-lines were first offered (RFC 8829 §5.2.2: m-lines are never removed, a finished one becomes
 * inactive). Each m-line announces the forwarded stream's SSRC and msid, so the browser demultiplexes by SSRC
 * and groups a participant's tracks into one MediaStream.
 */
final class SubscriberOfferWriter {

    /**
     * One m-line of the subscriber connection.
     *
     * @param rtxPayloadType the RTX payload type to offer with NACK (RFC 4588), or -1 for neither
     * @param rtxSsrc the SSRC of retransmissions, paired with {@code ssrc} in an FID group
     */
    record Line(String mid, MediaKind kind, CodecChoice codec, long ssrc, String streamId, String trackId,
                boolean active, int rtxPayloadType, long rtxSsrc) {

        boolean offersRtx() {
            return active && rtxPayloadType >= 0;
        }
    }

    private SubscriberOfferWriter() {
    }

    static String offer(TransportDescription local, String sessionId, long version, List<Line> lines) {
        SessionDescription offer = new SessionDescription(Origin.of(sessionId, version));
        // The server answers connectivity checks but lets the browser control ICE (RFC 8445 §2.5).
        offer.attributes().setFlag(Attributes.ICE_LITE, true);
        List<String> mids = new ArrayList<>();
        for (Line line : lines) {
            String kind = line.kind() == MediaKind.AUDIO ? MediaDescription.AUDIO : MediaDescription.VIDEO;
            int payloadType = line.codec().payloadType();
            List<String> formats = line.offersRtx()
                    ? List.of(Integer.toString(payloadType), Integer.toString(line.rtxPayloadType()))
                    : List.of(Integer.toString(payloadType));
            MediaDescription media = new MediaDescription(kind, 9, MediaDescription.PROTOCOL_RTP, formats);
            media.setConnection(ConnectionData.ipv4("0.0.0.0"));
            Attributes attributes = media.attributes();
            attributes.setMid(line.mid());
            SdpTransportMapping.addLocalTransport(media, local, Setup.ACTPASS);
            attributes.setDirection(line.active() ? Direction.SENDONLY : Direction.INACTIVE);
            attributes.setFlag(Attributes.RTCP_MUX, true);
            attributes.setFlag(Attributes.RTCP_RSIZE, true);
            RtpCapabilities.subscriberExtensions(line.kind())
                    .forEach((uri, id) -> attributes.add(new Extmap(id, uri)));
            attributes.add(line.codec().rtpMap());
            if (line.kind() == MediaKind.VIDEO) {
                for (String feedback : RtpCapabilities.subscriberVideoFeedback(line.offersRtx())) {
                    attributes.add(RtcpFeedback.parse(payloadType + " " + feedback));
                }
            }
            line.codec().fmtp().ifPresent(attributes::add);
            if (line.offersRtx()) {
                int clockRate = line.codec().rtpMap().clockRate();
                attributes.add(new RtpMap(line.rtxPayloadType(), "rtx", clockRate));
                attributes.add(new Fmtp(line.rtxPayloadType(), "apt=" + payloadType));
            }
            if (line.active()) {
                attributes.add(new Msid(line.streamId(), line.trackId()));
                if (line.offersRtx()) {
                    attributes.add(new SsrcGroup(SsrcGroup.FID, List.of(line.ssrc(), line.rtxSsrc())));
                }
                for (long ssrc : line.offersRtx() ? List.of(line.ssrc(), line.rtxSsrc()) : List.of(line.ssrc())) {
                    // One CNAME per publishing participant (RFC 7022 §2): its streams are synchronised together.
                    attributes.add(new Ssrc(ssrc, Ssrc.CNAME, line.streamId()));
                    attributes.add(new Ssrc(ssrc, "msid", line.streamId() + " " + line.trackId()));
                }
            }
            offer.addMedia(media);
            mids.add(line.mid());
        }
        if (!mids.isEmpty()) {
            offer.attributes().add(Group.bundle(mids));
        }
        return offer.serialize();
    }
}
