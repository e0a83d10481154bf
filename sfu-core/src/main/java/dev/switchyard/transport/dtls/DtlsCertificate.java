package dev.switchyard.transport.dtls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.sec.SECNamedCurves;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcECContentSignerBuilder;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * The server's DTLS identity: an ECDSA P-256 key and a self-signed certificate, generated once at start-up and
 * shared by every {@link DtlsSession}. Peers authenticate it by the SHA-256 fingerprint in our SDP (RFC 8122),
 * so the subject and validity carry no meaning. Thread-safe.
 *
 * <p>The TLS crypto is Bouncy Castle's lightweight {@link BcTlsCrypto}: measured here it costs about half the
 * CPU per handshake of the JCA-based one.
 */
public final class DtlsCertificate {

    private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    private static final Duration VALIDITY = Duration.ofDays(365);
    /** Tolerates peers whose clock is behind ours. */
    private static final Duration BACKDATE = Duration.ofDays(1);

    private final BcTlsCrypto crypto;
    private final AsymmetricKeyParameter privateKey;
    private final Certificate certificate;
    private final byte[] der;
    private final CertificateFingerprint fingerprint;

    private DtlsCertificate(BcTlsCrypto crypto, AsymmetricKeyParameter privateKey, byte[] der) throws IOException {
        this.crypto = crypto;
        this.privateKey = privateKey;
        this.der = der;
        this.certificate = new Certificate(new TlsCertificate[] {crypto.createCertificate(der)});
        this.fingerprint = CertificateFingerprint.of("sha-256", der);
    }

    /** Generates a fresh key pair and self-signed certificate. */
    public static DtlsCertificate generate() {
        SecureRandom random = new SecureRandom();
        // Named, not explicit, curve parameters: browsers (BoringSSL, NSS) reject explicit ones (RFC 5480 §2.1.1).
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(new ECNamedDomainParameters(SECObjectIdentifiers.secp256r1,
                SECNamedCurves.getByOID(SECObjectIdentifiers.secp256r1)), random));
        AsymmetricCipherKeyPair keyPair = generator.generateKeyPair();

        Instant now = Instant.now();
        X500Name name = new X500Name("CN=switchyard");
        try {
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(name,
                    new BigInteger(63, random), Date.from(now.minus(BACKDATE)), Date.from(now.plus(VALIDITY)), name,
                    SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(keyPair.getPublic()));
            var signatureAlgorithm = new DefaultSignatureAlgorithmIdentifierFinder().find(SIGNATURE_ALGORITHM);
            var digestAlgorithm = new DefaultDigestAlgorithmIdentifierFinder().find(signatureAlgorithm);
            byte[] der = builder.build(new BcECContentSignerBuilder(signatureAlgorithm, digestAlgorithm)
                    .build(keyPair.getPrivate())).getEncoded();
            return new DtlsCertificate(new BcTlsCrypto(random), keyPair.getPrivate(), der);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the DTLS certificate", e);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("Bouncy Castle lacks " + SIGNATURE_ALGORITHM, e);
        }
    }

    /** The SHA-256 fingerprint to advertise in SDP {@code a=fingerprint}. */
    public CertificateFingerprint fingerprint() {
        return fingerprint;
    }

    /** The DER encoding of the certificate. */
    public byte[] derEncoded() {
        return der.clone();
    }

    BcTlsCrypto crypto() {
        return crypto;
    }

    AsymmetricKeyParameter privateKey() {
        return privateKey;
    }

    Certificate tlsCertificate() {
        return certificate;
    }
}
