package dev.switchyard.conference;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.switchyard.sdp.Attributes;
import dev.switchyard.sdp.Candidate;
import dev.switchyard.sdp.MediaDescription;
import dev.switchyard.sdp.SessionDescription;
import dev.switchyard.sdp.Setup;
import dev.switchyard.transport.TransportDescription;
import dev.switchyard.transport.dtls.CertificateFingerprint;
import dev.switchyard.transport.dtls.DtlsRole;
import dev.switchyard.transport.ice.IceCandidate;
import dev.switchyard.transport.ice.IceParameters;

/** Moves transport parameters between SDP (RFC 8839 ICE, RFC 8842 DTLS) and {@link TransportDescription}. */
final class SdpTransportMapping {

    private SdpTransportMapping() {
    }

    /**
     * The peer's transport parameters from its SDP: BUNDLE puts one transport under every m-line, so the first
     * m-line that is not rejected carries them (session-level attributes as a fallback).
     */
    static TransportDescription remoteTransport(SessionDescription sdp) throws NegotiationException {
        MediaDescription first = sdp.media().stream().filter(m -> !m.isRejected()).findFirst()
                .orElseThrow(() -> new NegotiationException("no usable m-line"));
        String ufrag = attribute(first.attributes().iceUfrag(), sdp.attributes().iceUfrag(), "a=ice-ufrag");
        String pwd = attribute(first.attributes().icePwd(), sdp.attributes().icePwd(), "a=ice-pwd");
        List<dev.switchyard.sdp.Fingerprint> fingerprints = first.attributes().fingerprints().isEmpty()
                ? sdp.attributes().fingerprints() : first.attributes().fingerprints();
        if (fingerprints.isEmpty()) {
            throw new NegotiationException("missing a=fingerprint");
        }
        CertificateFingerprint fingerprint;
        IceParameters ice;
        try {
            dev.switchyard.sdp.Fingerprint signalled = fingerprints.get(0);
            fingerprint = CertificateFingerprint.parse(signalled.hashFunction() + " " + signalled.fingerprint());
            ice = new IceParameters(ufrag, pwd);
        } catch (IllegalArgumentException e) {
            throw new NegotiationException(e.getMessage(), e);
        }
        List<IceCandidate> candidates = new ArrayList<>();
        for (MediaDescription media : sdp.media()) {
            for (Candidate candidate : media.attributes().candidates()) {
                toIceCandidate(candidate).ifPresent(candidates::add);
            }
        }
        return new TransportDescription(ice, candidates, fingerprint);
    }

    /** This side's DTLS role given the peer's {@code a=setup} (RFC 8842 §5.2): an actpass peer lets us be server. */
    static DtlsRole localDtlsRole(SessionDescription remote) throws NegotiationException {
        Setup setup = remote.media().stream().filter(m -> !m.isRejected())
                .map(m -> m.attributes().setup()).flatMap(Optional::stream).findFirst()
                .or(() -> remote.attributes().setup())
                .orElseThrow(() -> new NegotiationException("missing a=setup"));
        return switch (setup) {
            case ACTPASS, ACTIVE -> DtlsRole.SERVER;
            case PASSIVE -> DtlsRole.CLIENT;
            case HOLDCONN -> throw new NegotiationException("a=setup:holdconn is not supported");
        };
    }

    /** A trickled candidate ({@code candidate:...}), or empty if it is not one this server can use. */
    static Optional<IceCandidate> parseTrickle(String candidate) {
        try {
            return toIceCandidate(Candidate.parseTrickle(candidate));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Adds this side's ICE credentials, candidates, fingerprint and setup to one m-line. */
    static void addLocalTransport(MediaDescription media, TransportDescription local, Setup setup) {
        Attributes attributes = media.attributes();
        attributes.setIceUfrag(local.ice().usernameFragment());
        attributes.setIcePwd(local.ice().password());
        CertificateFingerprint fingerprint = local.fingerprint();
        attributes.add(dev.switchyard.sdp.Fingerprint.of(fingerprint.hashFunction(), fingerprint.value()));
        attributes.add(setup);
        for (IceCandidate candidate : local.candidates()) {
            attributes.add(Candidate.parse(candidate.toSdpValue()));
        }
        attributes.setFlag(Attributes.END_OF_CANDIDATES, true);
    }

    private static Optional<IceCandidate> toIceCandidate(Candidate candidate) {
        if (candidate.component() != 1 || candidate.address().endsWith(".local")) {
            return Optional.empty();
        }
        IceCandidate.Transport transport;
        switch (candidate.transport().toLowerCase(Locale.ROOT)) {
            case "udp" -> transport = IceCandidate.Transport.UDP;
            case "tcp" -> transport = IceCandidate.Transport.TCP;
            default -> {
                return Optional.empty();
            }
        }
        IceCandidate.Type type = switch (candidate.type()) {
            case Candidate.TYPE_SRFLX -> IceCandidate.Type.SERVER_REFLEXIVE;
            case Candidate.TYPE_PRFLX -> IceCandidate.Type.PEER_REFLEXIVE;
            case Candidate.TYPE_RELAY -> IceCandidate.Type.RELAYED;
            default -> IceCandidate.Type.HOST;
        };
        InetAddress address;
        try {
            // Only literal addresses: resolving a name here would block a signaling thread on DNS.
            if (!candidate.address().matches("[0-9a-fA-F:.]+")) {
                return Optional.empty();
            }
            address = InetAddress.getByName(candidate.address());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        return Optional.of(new IceCandidate(candidate.foundation(), 1, transport, candidate.priority(),
                new InetSocketAddress(address, candidate.port()), type, candidate.tcpType()));
    }

    private static String attribute(Optional<String> mediaLevel, Optional<String> sessionLevel, String name)
            throws NegotiationException {
        return mediaLevel.or(() -> sessionLevel).orElseThrow(() -> new NegotiationException("missing " + name));
    }
}
