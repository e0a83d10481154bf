package dev.switchyard.transport.dtls;

import java.security.MessageDigest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FingerprintTest {

    /** An arbitrary SHA-256 value written the way browsers write it: upper-case hex, colon-separated. */
    private static final String CHROMIUM = "sha-256 "
            + "5B:0D:8B:4E:1C:2F:6A:90:3E:77:A1:D2:0C:9F:44:B8:E6:13:5A:02:7D:C8:91:FE:36:4B:AA:70:1D:E9:52:C4";

    @Test
    void parsesAndWritesTheSdpForm() {
        CertificateFingerprint fingerprint = CertificateFingerprint.parse(CHROMIUM);
        assertEquals("sha-256", fingerprint.hashFunction());
        assertEquals(32, fingerprint.value().length);
        assertEquals(0x5B, fingerprint.value()[0] & 0xFF);
        assertEquals(CHROMIUM, fingerprint.toSdpValue());
        assertEquals(fingerprint, CertificateFingerprint.parse(fingerprint.toSdpValue()));
    }

    @Test
    void acceptsEitherCaseAndSurroundingSpace() {
        assertEquals(CertificateFingerprint.parse(CHROMIUM), CertificateFingerprint.parse("  SHA-256   " + CHROMIUM.substring(8).toLowerCase() + " "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sha-1", "sha-224", "sha-256", "sha-384", "sha-512"})
    void matchesTheCertificateItWasComputedFrom(String hashFunction) {
        byte[] der = DtlsCertificate.generate().derEncoded();
        CertificateFingerprint fingerprint = CertificateFingerprint.of(hashFunction, der);
        assertTrue(CertificateFingerprint.parse(fingerprint.toSdpValue()).matches(der));
        der[der.length - 1] ^= 1;
        assertFalse(fingerprint.matches(der));
    }

    @Test
    void sha256IsTheDigestOfTheDerBytes() throws Exception {
        DtlsCertificate certificate = DtlsCertificate.generate();
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(certificate.derEncoded());
        assertArrayEquals(expected, certificate.fingerprint().value());
        assertEquals("sha-256", certificate.fingerprint().hashFunction());
    }

    @Test
    void rejectsMalformedInputWithAClearMessage() {
        assertRejected("", "'<hash-function> <hex>'");
        assertRejected("sha-256", "'<hash-function> <hex>'");
        assertRejected("sha-256 ", "'<hash-function> <hex>'");
        assertRejected("md5 AB:CD", "unsupported fingerprint hash function 'md5'");
        assertRejected(CHROMIUM.replace("sha-256", "sha-1"), "a sha-1 fingerprint has 20 bytes, got 32");
        assertRejected("sha-256 AB:CD", "a sha-256 fingerprint has 32 bytes, got 2");
        assertRejected(CHROMIUM.replace("5B", "ZZ"), "colon-separated hex byte pairs");
        assertRejected(CHROMIUM.replace("5B:0D", "5B0D"), "colon-separated");
        assertRejected(CHROMIUM + ":", "colon-separated");
        assertRejected(CHROMIUM.replace("5B:0D:", "5B::0D"), "colon-separated");
        assertThrows(NullPointerException.class, () -> CertificateFingerprint.parse(null));
    }

    private static void assertRejected(String input, String messagePart) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CertificateFingerprint.parse(input));
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }
}
