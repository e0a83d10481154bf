package dev.switchyard.loadgen;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.switchyard.sdp.Attributes;
import dev.switchyard.sdp.Candidate;
import dev.switchyard.sdp.ConnectionData;
import dev.switchyard.sdp.Direction;
import dev.switchyard.sdp.Group;
import dev.switchyard.sdp.MediaDescription;
import dev.switchyard.sdp.Origin;
import dev.switchyard.sdp.RtcpFeedback;
import dev.switchyard.sdp.RtpMap;
import dev.switchyard.sdp.SessionDescription;
import dev.switchyard.sdp.Setup;
import dev.switchyard.sdp.Ssrc;
import dev.switchyard.transport.TransportDescription;
import dev.switchyard.transport.dtls.CertificateFingerprint;
import dev.switchyard.transport.ice.IceCandidate;
import dev.switchyard.transport.ice.IceParameters;

/**
 * The SDP a synthetic client writes and reads: a publisher offer with one Opus and one VP8 m-line, an answer to
 * the server's subscriber offer, and the server's transport parameters (RFC 8839 ICE, RFC 8842 DTLS).
 */
final class ClientSdp {

    static final String AUDIO_MID = "0";
    static final String VIDEO_MID = "1";
    static final int OPUS_PAYLOAD_TYPE = 111;
    static final int VP8_PAYLOAD_TYPE = 96;

    private ClientSdp() {
    }

    /** A sendonly offer (actpass, RFC 8842 §5.3) bundling one audio and one video m-line with their SSRCs. */
    static String publisherOffer(TransportDescription local, long sessionId, String cname, long audioSsrc,
                                 long videoSsrc) {
        SessionDescription offer = new SessionDescription(Origin.of(Long.toString(sessionId), 1));
        MediaDescription audio = media(MediaDescription.AUDIO, AUDIO_MID, Direction.SENDONLY, Setup.ACTPASS, local,
                new RtpMap(OPUS_PAYLOAD_TYPE, "opus", 48_000, 2));
        audio.attributes().add(new Ssrc(audioSsrc, Ssrc.CNAME, cname));
        MediaDescription video = media(MediaDescription.VIDEO, VIDEO_MID, Direction.SENDONLY, Setup.ACTPASS, local,
                new RtpMap(VP8_PAYLOAD_TYPE, "VP8", 90_000));
        video.attributes().add(new RtcpFeedback(VP8_PAYLOAD_TYPE, "nack", "pli"));
        video.attributes().add(new Ssrc(videoSsrc, Ssrc.CNAME, cname));
        offer.addMedia(audio);
        offer.addMedia(video);
        offer.attributes().add(Group.bundle(List.of(AUDIO_MID, VIDEO_MID)));
        return offer.serialize();
    }

    /**
     * The answer to a subscriber offer: every m-line mirrored receive-only with the offered codec (inactive
     * lines stay inactive), this side taking the DTLS client role (a=setup:active).
     */
    static String subscriberAnswer(SessionDescription offer, TransportDescription local, long sessionId,
                                   long version) {
        SessionDescription answer = new SessionDescription(Origin.of(Long.toString(sessionId), version));
        for (MediaDescription offered : offer.media()) {
            RtpMap codec = offered.attributes().rtpMaps().get(0);
            Direction direction = offer.directionOf(offered) == Direction.INACTIVE
                    ? Direction.INACTIVE : Direction.RECVONLY;
            answer.addMedia(media(offered.kind(), offered.mid().orElseThrow(), direction, Setup.ACTIVE, local,
                    codec));
        }
        answer.attributes().add(Group.bundle(offer.bundleMids()));
        return answer.serialize();
    }

    /**
     * The server's ICE credentials, fingerprint and loopback UDP host candidates. BUNDLE puts one transport
     * under every m-line, so the first m-line carries the credentials; candidates on other addresses are
     * dropped because the load generator talks only to the loopback address.
     */
    static TransportDescription remoteTransport(SessionDescription sdp) {
        MediaDescription first = sdp.media().get(0);
        Attributes attributes = first.attributes();
        dev.switchyard.sdp.Fingerprint signalled = attributes.fingerprints().get(0);
        CertificateFingerprint fingerprint = CertificateFingerprint.parse(signalled.hashFunction() + " " + signalled.fingerprint());
        IceParameters ice = new IceParameters(attributes.iceUfrag().orElseThrow(),
                attributes.icePwd().orElseThrow());
        List<IceCandidate> candidates = new ArrayList<>();
        for (Candidate candidate : attributes.candidates()) {
            loopbackUdp(candidate).ifPresent(candidates::add);
        }
        return new TransportDescription(ice, candidates, fingerprint);
    }

    private static Optional<IceCandidate> loopbackUdp(Candidate candidate) {
        if (candidate.component() != 1 || !candidate.isUdp()) {
            return Optional.empty();
        }
        InetAddress address;
        try {
            // Literal addresses only (RFC 8839 §5.1 allows FQDNs, which would need DNS here).
            if (!candidate.address().matches("[0-9a-fA-F:.]+")) {
                return Optional.empty();
            }
            address = InetAddress.getByName(candidate.address());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        if (!address.isLoopbackAddress()) {
            return Optional.empty();
        }
        return Optional.of(new IceCandidate(candidate.foundation(), 1, IceCandidate.Transport.UDP,
                candidate.priority(), new InetSocketAddress(address, candidate.port()), IceCandidate.Type.HOST,
                null));
    }

    private static MediaDescription media(String kind, String mid, Direction direction, Setup setup,
                                          TransportDescription local, RtpMap codec) {
        MediaDescription media = new MediaDescription(kind, 9, MediaDescription.PROTOCOL_RTP,
                List.of(Integer.toString(codec.payloadType())));
        media.setConnection(ConnectionData.ipv4("0.0.0.0"));
        Attributes attributes = media.attributes();
        attributes.setMid(mid);
        attributes.setDirection(direction);
        attributes.setFlag(Attributes.RTCP_MUX, true);
        attributes.add(codec);
        attributes.setIceUfrag(local.ice().usernameFragment());
        attributes.setIcePwd(local.ice().password());
        attributes.add(dev.switchyard.sdp.Fingerprint.of(local.fingerprint().hashFunction(),
                local.fingerprint().value()));
        attributes.add(setup);
        for (IceCandidate candidate : local.candidates()) {
            attributes.add(Candidate.parse(candidate.toSdpValue()));
        }
        attributes.setFlag(Attributes.END_OF_CANDIDATES, true);
        return media;
    }
}
