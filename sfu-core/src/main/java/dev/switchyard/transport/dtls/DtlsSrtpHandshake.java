package dev.switchyard.transport.dtls;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;

import dev.switchyard.transport.srtp.SrtpKeyingMaterial;
import dev.switchyard.transport.srtp.SrtpProfile;

/**
 * What both DTLS roles share in a WebRTC handshake (RFC 5763, RFC 5764): DTLS 1.2 with ECDSA certificates, the
 * use_srtp negotiation, the check of the peer's certificate against the SDP fingerprint, and the export of the
 * SRTP keys. One instance per handshake; BC calls it from the handshake thread only.
 */
final class DtlsSrtpHandshake {

    static final ProtocolVersion[] VERSIONS = ProtocolVersion.DTLSv12.only();

    /**
     * AES-GCM suites only: every WebRTC browser offers them, our certificate is ECDSA, and
     * {@link DtlsRecordFilter} relies on the GCM record overhead.
     */
    static final int[] CIPHER_SUITES = {
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
    };

    private static final SignatureAndHashAlgorithm ECDSA_SHA256 =
            SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa);

    private final DtlsRole role;
    private final DtlsCertificate localCertificate;
    private final CertificateFingerprint remoteFingerprint;
    private final List<SrtpProfile> profiles;
    private SrtpProfile selectedProfile;
    private SrtpKeyingMaterial keys;

    DtlsSrtpHandshake(DtlsRole role, DtlsCertificate localCertificate, CertificateFingerprint remoteFingerprint,
                      List<SrtpProfile> profiles) {
        this.role = role;
        this.localCertificate = localCertificate;
        this.remoteFingerprint = remoteFingerprint;
        this.profiles = profiles;
    }

    DtlsCertificate localCertificate() {
        return localCertificate;
    }

    /** Our certificate and key, signing with ECDSA over SHA-256 (P-256's natural pairing, RFC 8422 §5.10). */
    TlsCredentialedSigner signerCredentials(TlsContext context) {
        return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), localCertificate.crypto(),
                localCertificate.privateKey(), localCertificate.tlsCertificate(), ECDSA_SHA256);
    }

    /** As client: the use_srtp extension offering our profiles in preference order, with no MKI. */
    UseSRTPData offer() {
        return new UseSRTPData(profiles.stream().mapToInt(SrtpProfile::protectionProfileId).toArray(),
                TlsUtils.EMPTY_BYTES);
    }

    /**
     * As server: picks the first of our profiles the client offers (RFC 5764 §4.1.1 leaves the choice to the
     * server) and returns the answering extension.
     */
    UseSRTPData select(UseSRTPData clientOffer) throws IOException {
        if (clientOffer == null) {
            throw new TlsFatalAlert(AlertDescription.handshake_failure, "DTLS client did not offer use_srtp");
        }
        int[] offered = clientOffer.getProtectionProfiles();
        for (SrtpProfile profile : profiles) {
            if (contains(offered, profile.protectionProfileId())) {
                selectedProfile = profile;
                return new UseSRTPData(new int[] {profile.protectionProfileId()}, TlsUtils.EMPTY_BYTES);
            }
        }
        throw new TlsFatalAlert(AlertDescription.handshake_failure, "no common SRTP protection profile: client offered "
                + Arrays.toString(offered) + ", we support " + profiles);
    }

    /** As client: checks the server chose exactly one of the profiles we offered (RFC 5764 §4.1.1). */
    void acceptSelection(UseSRTPData serverSelection) throws IOException {
        if (serverSelection == null) {
            throw new TlsFatalAlert(AlertDescription.handshake_failure, "DTLS server did not negotiate use_srtp");
        }
        int[] selected = serverSelection.getProtectionProfiles();
        SrtpProfile profile = selected.length == 1 ? SrtpProfile.forProtectionProfileId(selected[0]) : null;
        if (profile == null || !profiles.contains(profile) || serverSelection.getMki().length != 0) {
            throw new TlsFatalAlert(AlertDescription.illegal_parameter,
                    "DTLS server selected SRTP profiles " + Arrays.toString(selected) + ", we offered " + profiles);
        }
        selectedProfile = profile;
    }

    /**
     * RFC 8122 §5: the peer's end-entity certificate must hash to the fingerprint its SDP announced; that is
     * the only authentication of a self-signed WebRTC certificate.
     */
    void verifyPeerCertificate(Certificate chain) throws IOException {
        if (chain == null || chain.isEmpty()) {
            throw new TlsFatalAlert(AlertDescription.handshake_failure,
                    "DTLS peer sent no certificate; expected one with fingerprint " + remoteFingerprint);
        }
        byte[] der = chain.getCertificateAt(0).getEncoded();
        if (!remoteFingerprint.matches(der)) {
            throw new TlsFatalAlert(AlertDescription.bad_certificate, "DTLS peer certificate fingerprint mismatch: expected "
                    + remoteFingerprint + ", actual " + CertificateFingerprint.of(remoteFingerprint.hashFunction(), der));
        }
    }

    /** RFC 5764 §4.2: exports the SRTP master keys and salts once the handshake has completed. */
    void exportKeys(TlsContext context) {
        byte[] exported = context.exportKeyingMaterial(ExporterLabel.dtls_srtp, null,
                selectedProfile.exportedKeyingMaterialLength());
        keys = SrtpKeyingMaterial.fromDtlsExport(selectedProfile, exported, role == DtlsRole.CLIENT);
        Arrays.fill(exported, (byte) 0);
    }

    SrtpKeyingMaterial keys() {
        return keys;
    }

    private static boolean contains(int[] values, int wanted) {
        for (int value : values) {
            if (value == wanted) {
                return true;
            }
        }
        return false;
    }
}
