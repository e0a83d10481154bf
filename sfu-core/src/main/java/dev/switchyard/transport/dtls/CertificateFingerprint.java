package dev.switchyard.transport.dtls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * A certificate fingerprint as carried by SDP {@code a=fingerprint} (RFC 8122 §5): a hash function name such as
 * {@code sha-256} and the hash of the DER-encoded certificate. The value array is copied in and out.
 */
public record CertificateFingerprint(String hashFunction, byte[] value) {

    private static final HexFormat UPPER_HEX = HexFormat.ofDelimiter(":").withUpperCase();

    /**
     * @throws IllegalArgumentException if the hash function is not one of sha-1, sha-224, sha-256, sha-384,
     *                                  sha-512, or the value's length does not match it
     */
    public CertificateFingerprint {
        HashFunction function = HashFunction.named(hashFunction);
        Objects.requireNonNull(value, "value");
        if (value.length != function.length) {
            throw new IllegalArgumentException("a " + function.sdpName + " fingerprint has " + function.length
                    + " bytes, got " + value.length);
        }
        hashFunction = function.sdpName;
        value = value.clone();
    }

    /** The fingerprint of a DER-encoded certificate under the named hash function. */
    public static CertificateFingerprint of(String hashFunction, byte[] derCertificate) {
        return new CertificateFingerprint(hashFunction, HashFunction.named(hashFunction).digest(derCertificate));
    }

    /**
     * Parses the value of an SDP {@code a=fingerprint} attribute, e.g. {@code "sha-256 AB:CD:…"}. Hash names
     * and hex digits are accepted in either case.
     *
     * @throws IllegalArgumentException with a message naming the problem, for any malformed input
     */
    public static CertificateFingerprint parse(String sdpValue) {
        Objects.requireNonNull(sdpValue, "sdpValue");
        String trimmed = sdpValue.strip();
        int space = trimmed.indexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException("fingerprint must be '<hash-function> <hex>', got '" + sdpValue + "'");
        }
        String hex = trimmed.substring(space + 1).strip();
        // RFC 8122 §5: 2UHEX *(":" 2UHEX), so every byte is exactly two digits.
        if (hex.length() % 3 != 2) {
            throw new IllegalArgumentException("fingerprint value must be colon-separated byte pairs, got '" + hex + "'");
        }
        byte[] value;
        try {
            value = HexFormat.ofDelimiter(":").parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fingerprint value must be colon-separated hex byte pairs, got '"
                    + hex + "'", e);
        }
        return new CertificateFingerprint(trimmed.substring(0, space), value);
    }

    /** The SDP attribute value, e.g. {@code "sha-256 AB:CD:…"} (upper-case hex as RFC 8122 §5 asks). */
    public String toSdpValue() {
        return hashFunction + " " + UPPER_HEX.formatHex(value);
    }

    /** Whether the hash of {@code derCertificate} under this fingerprint's function equals this value. */
    public boolean matches(byte[] derCertificate) {
        return MessageDigest.isEqual(value, HashFunction.named(hashFunction).digest(derCertificate));
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CertificateFingerprint that
                && hashFunction.equals(that.hashFunction)
                && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return 31 * hashFunction.hashCode() + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return toSdpValue();
    }

    /** The hash functions of the IANA "Hash Function Textual Names" registry that are still secure enough. */
    private enum HashFunction {
        SHA_1("sha-1", "SHA-1", 20),
        SHA_224("sha-224", "SHA-224", 28),
        SHA_256("sha-256", "SHA-256", 32),
        SHA_384("sha-384", "SHA-384", 48),
        SHA_512("sha-512", "SHA-512", 64);

        final String sdpName;
        final String jcaName;
        final int length;

        HashFunction(String sdpName, String jcaName, int length) {
            this.sdpName = sdpName;
            this.jcaName = jcaName;
            this.length = length;
        }

        static HashFunction named(String name) {
            Objects.requireNonNull(name, "hashFunction");
            String lower = name.toLowerCase(Locale.ROOT);
            for (HashFunction function : values()) {
                if (function.sdpName.equals(lower)) {
                    return function;
                }
            }
            throw new IllegalArgumentException("unsupported fingerprint hash function '" + name
                    + "' (expected sha-1, sha-224, sha-256, sha-384 or sha-512)");
        }

        byte[] digest(byte[] data) {
            try {
                return MessageDigest.getInstance(jcaName).digest(data);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK provides " + jcaName, e);
            }
        }
    }
}
