package dev.switchyard.conference;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.switchyard.sctp.association.AssociationSettings;
import dev.switchyard.sdp.Attribute;
import dev.switchyard.sdp.Attributes;
import dev.switchyard.sdp.ConnectionData;
import dev.switchyard.sdp.Direction;
import dev.switchyard.sdp.Extmap;
import dev.switchyard.sdp.Fmtp;
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
 * receive-only with one codec the server can forward, the first data channel m-line is accepted (RFC 8841),
 * everything else is rejected or made inactive.
 */
final class PublisherAnswerer {

    /**
     * The answer and what it accepted.
     *
     * @param extensionIds the header extensions accepted on any m-line, by URI, with the publisher's ids (one
     *                     numbering for the whole BUNDLE group, RFC 8843 §9.1)
     * @param dataChannels what was agreed for data channels, or empty if the offer had no data channel m-line
     */
    record Answer(String sdp, List<PublishedMedia> media, Map<String, Integer> extensionIds,
                  Optional<DataChannelTerms> dataChannels) {

        /** The publisher's id for an extension, or -1 if it was not negotiated. */
        int extensionId(String uri) {
            return extensionIds.getOrDefault(uri, -1);
        }
    }

    /** The largest message the server takes and sends on a data channel: what browsers advertise today. */
    static final int MAX_MESSAGE_SIZE = AssociationSettings.DEFAULT_MAX_MESSAGE_SIZE;
    /** RFC 8841 §6.1: the largest message when an offer states none. */
    private static final long DEFAULT_REMOTE_MAX_MESSAGE_SIZE = 64 * 1024;
    private static final String DATA_CHANNEL_FORMAT = "webrtc-datachannel";

    private PublisherAnswerer() {
    }

    /**
     * @param settings whether to take NACK and RTX, so that the server can ask for lost packets again, and where
     *                 a video publisher's bandwidth estimate starts
     */
    static Answer answer(SessionDescription offer, TransportDescription local, String sessionId, long version,
                         MediaSettings settings)
            throws NegotiationException {
        boolean retransmission = settings.retransmission();
        SessionDescription answer = new SessionDescription(Origin.of(sessionId, version));
        answer.attributes().setFlag(Attributes.ICE_LITE, true);
        List<PublishedMedia> accepted = new ArrayList<>();
        List<String> bundle = new ArrayList<>();
        Map<String, Integer> sessionExtensionIds = new LinkedHashMap<>();
        Optional<DataChannelTerms> dataChannels = Optional.empty();
        for (MediaDescription offered : offer.media()) {
            String mid = offered.mid().orElseThrow(() -> new NegotiationException("an m-line has no a=mid"));
            if (dataChannels.isEmpty() && isDataChannelLine(offered)) {
                DataChannelTerms terms = dataChannelTerms(offered);
                answer.addMedia(dataChannelLine(mid, terms, local));
                bundle.add(mid);
                dataChannels = Optional.of(terms);
                continue;
            }
            Optional<MediaKind> kind = kindOf(offered);
            Direction direction = offer.directionOf(offered);
            Optional<CodecChoice> codec = kind.flatMap(k -> chooseCodec(offered, k, retransmission));
            if (offered.isRejected() || kind.isEmpty() || codec.isEmpty()) {
                answer.addMedia(rejected(offered, mid));
                continue;
            }
            boolean sending = direction == Direction.SENDONLY || direction == Direction.SENDRECV;
            CodecChoice chosen = codec.get();
            List<String> formats = chosen.hasRtx()
                    ? List.of(Integer.toString(chosen.payloadType()), Integer.toString(chosen.rtxPayloadType()))
                    : List.of(Integer.toString(chosen.payloadType()));
            MediaDescription media = new MediaDescription(offered.kind(), 9, offered.protocol(), formats);
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
            attributes.add(chosen.rtpMap());
            chosen.feedback().forEach(attributes::add);
            Optional<Fmtp> fmtp = kind.get() == MediaKind.VIDEO
                    ? Optional.of(withStartBitrate(chosen, settings.videoStartBitsPerSecond())) : chosen.fmtp();
            fmtp.ifPresent(attributes::add);
            if (chosen.hasRtx()) {
                attributes.add(new RtpMap(chosen.rtxPayloadType(), "rtx", chosen.rtpMap().clockRate()));
                attributes.add(new Fmtp(chosen.rtxPayloadType(), "apt=" + chosen.payloadType()));
            }
            answer.addMedia(media);
            bundle.add(mid);
            if (sending) {
                accepted.add(new PublishedMedia(mid, kind.get(), chosen, extensionIds, mediaSsrcs(offered),
                        repairSsrcs(offered)));
            }
        }
        if (bundle.isEmpty()) {
            throw new NegotiationException(
                    "the offer has no audio, video or data channel m-line the server can receive");
        }
        answer.attributes().add(Group.bundle(bundle));
        return new Answer(answer.serialize(), accepted, Map.copyOf(sessionExtensionIds), dataChannels);
    }

    private static boolean isDataChannelLine(MediaDescription offered) {
        return !offered.isRejected() && MediaDescription.APPLICATION.equals(offered.kind())
                && MediaDescription.PROTOCOL_SCTP.equals(offered.protocol())
                && offered.formats().contains(DATA_CHANNEL_FORMAT);
    }

    private static DataChannelTerms dataChannelTerms(MediaDescription offered) {
        int port = offered.attributes().sctpPort().orElse(AssociationSettings.DEFAULT_PORT);
        long remoteLimit = offered.attributes().maxMessageSize().orElse(DEFAULT_REMOTE_MAX_MESSAGE_SIZE);
        // RFC 8841 §6: 0 means "no limit stated".
        long limit = remoteLimit == 0 ? MAX_MESSAGE_SIZE : Math.min(MAX_MESSAGE_SIZE, remoteLimit);
        return new DataChannelTerms(port, (int) limit);
    }

    /** RFC 8841 §5: the answer's SCTP port is the offer's, since both ends of a WebRTC association use one. */
    private static MediaDescription dataChannelLine(String mid, DataChannelTerms terms, TransportDescription local) {
        MediaDescription media = new MediaDescription(MediaDescription.APPLICATION, 9, MediaDescription.PROTOCOL_SCTP,
                List.of(DATA_CHANNEL_FORMAT));
        media.setConnection(ConnectionData.ipv4("0.0.0.0"));
        media.attributes().setMid(mid);
        SdpTransportMapping.addLocalTransport(media, local, Setup.PASSIVE);
        media.attributes().add(new Attribute(Attributes.SCTP_PORT, Integer.toString(terms.sctpPort())));
        media.attributes().add(new Attribute(Attributes.MAX_MESSAGE_SIZE, Integer.toString(MAX_MESSAGE_SIZE)));
        return media;
    }

    /**
     * The codec's parameters with the start of the publisher's bandwidth estimate, in kbit/s, added: Chromium
     * applies an answer's {@code x-google-start-bitrate} to its sender; other browsers ignore it.
     */
    private static Fmtp withStartBitrate(CodecChoice chosen, long bitsPerSecond) {
        String start = "x-google-start-bitrate=" + bitsPerSecond / 1000;
        return new Fmtp(chosen.payloadType(), chosen.fmtp().map(fmtp -> fmtp.parameters() + ";" + start).orElse(start));
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

    private static Optional<CodecChoice> chooseCodec(MediaDescription offered, MediaKind kind,
                                                     boolean retransmission) {
        List<RtpMap> maps = offered.attributes().rtpMaps();
        List<String> preference = kind == MediaKind.AUDIO
                ? List.of(RtpCapabilities.AUDIO_CODEC) : RtpCapabilities.VIDEO_CODECS;
        for (String name : preference) {
            for (RtpMap map : maps) {
                if (map.encodingName().equalsIgnoreCase(name) && acceptable(offered, map)) {
                    List<RtcpFeedback> feedback = feedbackFor(offered, map.payloadType(), retransmission);
                    boolean nack = feedback.stream().anyMatch(f -> f.type().equals("nack") && f.parameter() == null);
                    return Optional.of(new CodecChoice(map, offered.attributes().fmtp(map.payloadType()), feedback,
                            nack ? rtxPayloadTypeFor(offered, map.payloadType()) : -1));
                }
            }
        }
        return Optional.empty();
    }

    /** The offered RTX format repairing {@code payloadType} (RFC 4588 §8.6: {@code apt}), or -1. */
    private static int rtxPayloadTypeFor(MediaDescription offered, int payloadType) {
        for (RtpMap map : offered.attributes().rtpMaps()) {
            if (map.encodingName().equalsIgnoreCase("rtx") && offered.attributes().fmtp(map.payloadType())
                    .flatMap(fmtp -> fmtp.parameter("apt")).map(String.valueOf(payloadType)::equals)
                    .orElse(false)) {
                return map.payloadType();
            }
        }
        return -1;
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

    private static List<RtcpFeedback> feedbackFor(MediaDescription offered, int payloadType,
                                                  boolean retransmission) {
        List<RtcpFeedback> feedback = new ArrayList<>();
        for (RtcpFeedback offeredFeedback : offered.attributes().rtcpFeedbacks(payloadType)) {
            String key = (offeredFeedback.type() + " " + Optional.ofNullable(offeredFeedback.parameter()).orElse(""))
                    .trim().toLowerCase(Locale.ROOT);
            if (RtpCapabilities.PUBLISHER_FEEDBACK.contains(key) && (retransmission || !key.equals("nack"))) {
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

    /** The repair SSRC of each media SSRC, from {@code a=ssrc-group:FID media repair} (RFC 5576 §4, RFC 4588). */
    private static Map<Long, Long> repairSsrcs(MediaDescription offered) {
        Map<Long, Long> repairs = new LinkedHashMap<>();
        for (SsrcGroup group : offered.attributes().ssrcGroups()) {
            if (SsrcGroup.FID.equals(group.semantics()) && group.ssrcs().size() == 2) {
                repairs.put(group.ssrcs().get(1), group.ssrcs().get(0));
            }
        }
        return repairs;
    }

    private static MediaDescription rejected(MediaDescription offered, String mid) {
        MediaDescription media = new MediaDescription(offered.kind(), 0, offered.protocol(), offered.formats());
        media.attributes().setMid(mid);
        return media;
    }
}
