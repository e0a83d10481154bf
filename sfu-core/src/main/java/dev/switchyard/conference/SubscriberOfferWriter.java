package dev.switchyard.conference;

import java.util.ArrayList;
import java.util.List;

import dev.switchyard.sdp.Attributes;
import dev.switchyard.sdp.ConnectionData;
import dev.switchyard.sdp.Direction;
import dev.switchyard.sdp.Extmap;
import dev.switchyard.sdp.Group;
import dev.switchyard.sdp.MediaDescription;
import dev.switchyard.sdp.Msid;
import dev.switchyard.sdp.Origin;
import dev.switchyard.sdp.SessionDescription;
import dev.switchyard.sdp.Setup;
import dev.switchyard.sdp.Ssrc;
import dev.switchyard.transport.TransportDescription;

/**
 * Writes the server's offer for a subscriber connection: one send-only m-line per subscribed track, in the
 * order the m-lines were first offered (RFC 8829 §5.2.2: m-lines are never removed, a finished one becomes
 * inactive). Each m-line announces the forwarded stream's SSRC and msid, so the browser demultiplexes by SSRC
 * and groups a participant's tracks into one MediaStream.
 */
final class SubscriberOfferWriter {

    /** One m-line of the subscriber connection. */
    record Line(String mid, MediaKind kind, CodecChoice codec, long ssrc, String streamId, String trackId,
                boolean active) {
    }

    private static final String CNAME = "switchyard";

    private SubscriberOfferWriter() {
    }

    static String offer(TransportDescription local, String sessionId, long version, List<Line> lines) {
        SessionDescription offer = new SessionDescription(Origin.of(sessionId, version));
        // The server answers connectivity checks but lets the browser control ICE (RFC 8445 §2.5).
        offer.attributes().setFlag(Attributes.ICE_LITE, true);
        List<String> mids = new ArrayList<>();
        for (Line line : lines) {
            String kind = line.kind() == MediaKind.AUDIO ? MediaDescription.AUDIO : MediaDescription.VIDEO;
            MediaDescription media = new MediaDescription(kind, 9, MediaDescription.PROTOCOL_RTP,
                    List.of(Integer.toString(line.codec().payloadType())));
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
            line.codec().feedback().forEach(attributes::add);
            line.codec().fmtp().ifPresent(attributes::add);
            if (line.active()) {
                attributes.add(new Msid(line.streamId(), line.trackId()));
                attributes.add(new Ssrc(line.ssrc(), Ssrc.CNAME, CNAME));
                attributes.add(new Ssrc(line.ssrc(), "msid", line.streamId() + " " + line.trackId()));
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
