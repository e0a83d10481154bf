package dev.switchyard.conference;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.switchyard.sdp.Attributes;
import dev.switchyard.sdp.ConnectionData;
import dev.switchyard.sdp.Direction;
import dev.switchyard.sdp.Extmap;
import dev.switchyard.sdp.Group;
import dev.switchyard.sdp.MediaDescription;
import dev.switchyard.sdp.Origin;
import dev.switchyard.sdp.RtcpFeedback;
import dev.switchyard.sdp.RtpMap;
import dev.switchyard.sdp.SessionDescription;
import dev.switchyard.sdp.Setup;
import dev.switchyard.sdp.Ssrc;
import dev.switchyard.sdp.SsrcGroup;
import dev.switchyard.transport.TransportDescription;

/**
 * Answers a publisher connection's offer (RFC 8829 §5.3): every sending audio or video m-line is accepted
 * receive-only with one codec the server can forward, everything else is rejected or made inactive.
 */
final class PublisherAnswerer {

    /**
     * The answer and what it accepted.
     *
     * @param extensionIds the header extensions accepted on any m-line, by URI, with the publisher's ids (one
     *                     numbering for the whole BUNDLE group, RFC 8843 §9.1)
     */
    record Answer(String sdp, List<PublishedMedia> media, Map<String, Integer> extensionIds) {

        /** The publisher's id for an extension, or -1 if it was not negotiated. */
        int extensionId(String uri) {
            return extensionIds.getOrDefault(uri, -1);
        }
    }

    private PublisherAnswerer() {
    }

    static Answer answer(SessionDescription offer, TransportDescription local, String sessionId, long version)
            throws NegotiationException {
        SessionDescription answer = new SessionDescription(Origin.of(sessionId, version));
        answer.attributes().setFlag(Attributes.ICE_LITE, true);
        List<PublishedMedia> accepted = new ArrayList<>();
        List<String> bundle = new ArrayList<>();
        Map<String, Integer> sessionExtensionIds = new LinkedHashMap<>();
        for (MediaDescription offered : offer.media()) {
            String mid = offered.mid().orElseThrow(() -> new NegotiationException("an m-line has no a=mid"));
            Optional<MediaKind> kind = kindOf(offered);
            Direction direction = offer.directionOf(offered);
            Optional<CodecChoice> codec = kind.flatMap(k -> chooseCodec(offered, k));
            if (offered.isRejected() || kind.isEmpty() || codec.isEmpty()) {
                answer.addMedia(rejected(offered, mid));
                continue;
            }
            boolean sending = direction == Direction.SENDONLY || direction == Direction.SENDRECV;
            MediaDescription media = new MediaDescription(offered.kind(), 9, offered.protocol(),
                    List.of(Integer.toString(codec.get().payloadType())));
            media.setConnection(ConnectionData.ipv4("0.0.0.0"));
            Attributes attributes = media.attributes();
            attributes.setMid(mid);
            attributes.setDirection(sending ? Direction.RECVONLY : Direction.INACTIVE);
            SdpTransportMapping.addLocalTransport(media, local, Setup.PASSIVE);
            attributes.setFlag(Attributes.RTCP_MUX, true);
            if (offered.attributes().rtcpReducedSize()) {
                attributes.setFlag(Attributes.RTCP_RSIZE, true);
            }
            Map<String, Integer> extensionIds = new LinkedHashMap<>();
            for (Extmap extmap : offered.attributes().extmaps()) {
                if (RtpCapabilities.PUBLISHER_EXTENSIONS.contains(extmap.uri())) {
                    attributes.add(new Extmap(extmap.id(), null, extmap.uri(), null));
                    extensionIds.put(extmap.uri(), extmap.id());
                    sessionExtensionIds.put(extmap.uri(), extmap.id());
                }
            }
            CodecChoice chosen = codec.get();
            attributes.add(chosen.rtpMap());
            chosen.feedback().forEach(attributes::add);
            chosen.fmtp().ifPresent(attributes::add);
            answer.addMedia(media);
            bundle.add(mid);
            if (sending) {
                accepted.add(new PublishedMedia(mid, kind.get(), chosen, extensionIds, mediaSsrcs(offered)));
            }
        }
        if (bundle.isEmpty()) {
            throw new NegotiationException("the offer has no audio or video m-line the server can receive");
        }
        answer.attributes().add(Group.bundle(bundle));
        return new Answer(answer.serialize(), accepted, Map.copyOf(sessionExtensionIds));
    }

    private static Optional<MediaKind> kindOf(MediaDescription media) {
        if (!MediaDescription.PROTOCOL_RTP.equals(media.protocol())) {
            return Optional.empty();
        }
        return switch (media.kind()) {
            case MediaDescription.AUDIO -> Optional.of(MediaKind.AUDIO);
            case MediaDescription.VIDEO -> Optional.of(MediaKind.VIDEO);
            default -> Optional.empty();
        };
    }

    private static Optional<CodecChoice> chooseCodec(MediaDescription offered, MediaKind kind) {
        List<RtpMap> maps = offered.attributes().rtpMaps();
        List<String> preference = kind == MediaKind.AUDIO
                ? List.of(RtpCapabilities.AUDIO_CODEC) : RtpCapabilities.VIDEO_CODECS;
        for (String name : preference) {
            for (RtpMap map : maps) {
                if (map.encodingName().equalsIgnoreCase(name) && acceptable(offered, map)) {
                    return Optional.of(new CodecChoice(map, offered.attributes().fmtp(map.payloadType()),
                            feedbackFor(offered, map.payloadType())));
                }
            }
        }
        return Optional.empty();
    }

    /** H.264 only in packetization mode 1, the one every browser decodes (RFC 6184 §6.3). */
    private static boolean acceptable(MediaDescription offered, RtpMap map) {
        if (!map.encodingName().equalsIgnoreCase("H264")) {
            return true;
        }
        return offered.attributes().fmtp(map.payloadType())
                .map(fmtp -> "1".equals(fmtp.parameter("packetization-mode").orElse("0")))
                .orElse(false);
    }

    private static List<RtcpFeedback> feedbackFor(MediaDescription offered, int payloadType) {
        List<RtcpFeedback> feedback = new ArrayList<>();
        for (RtcpFeedback offeredFeedback : offered.attributes().rtcpFeedbacks(payloadType)) {
            String key = (offeredFeedback.type() + " " + Optional.ofNullable(offeredFeedback.parameter()).orElse(""))
                    .trim().toLowerCase(Locale.ROOT);
            if (RtpCapabilities.PUBLISHER_FEEDBACK.contains(key)) {
                feedback.add(new RtcpFeedback(payloadType, offeredFeedback.type(), offeredFeedback.parameter()));
            }
        }
        return feedback;
    }

    /** Media SSRCs from {@code a=ssrc}, leaving out the repair SSRCs of FID groups (RFC 5576 §4). */
    private static List<Long> mediaSsrcs(MediaDescription offered) {
        Set<Long> repair = new HashSet<>();
        for (SsrcGroup group : offered.attributes().ssrcGroups()) {
            if (SsrcGroup.FID.equals(group.semantics())) {
                repair.addAll(group.ssrcs().subList(1, group.ssrcs().size()));
            }
        }
        List<Long> ssrcs = new ArrayList<>();
        for (Ssrc ssrc : offered.attributes().ssrcs()) {
            if (!repair.contains(ssrc.ssrc()) && !ssrcs.contains(ssrc.ssrc())) {
                ssrcs.add(ssrc.ssrc());
            }
        }
        return ssrcs;
    }

    private static MediaDescription rejected(MediaDescription offered, String mid) {
        MediaDescription media = new MediaDescription(offered.kind(), 0, offered.protocol(), offered.formats());
        media.attributes().setMid(mid);
        return media;
    }
}
