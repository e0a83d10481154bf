package dev.switchyard.sdp;

import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** {@code a=fingerprint:<hash-func> <XX:XX:...>} (RFC 8122 §5): the certificate digest DTLS must match. */
public record Fingerprint(String hashFunction, String fingerprint) implements TypedAttribute {

    public static final String NAME = "fingerprint";

    private static final HexFormat COLON_HEX = HexFormat.ofDelimiter(":").withUpperCase();

    public Fingerprint {
        Objects.requireNonNull(hashFunction, "hashFunction");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /** Builds the attribute for a certificate digest, e.g. {@code of("sha-256", sha256(der))}. */
    public static Fingerprint of(String hashFunction, byte[] digest) {
        return new Fingerprint(hashFunction, COLON_HEX.formatHex(digest));
    }

    public static Fingerprint parse(String value) {
        List<String> fields = SdpSyntax.split(value, ' ', 2, "a=fingerprint");
        String hash = SdpSyntax.requireToken(fields.get(0), "a=fingerprint hash function");
        String hex = fields.get(1);
        // RFC 8122 §5: fingerprint = 2UHEX *(":" 2UHEX); lower case is accepted because some stacks send it.
        for (String octet : SdpSyntax.split(hex, ':', "a=fingerprint")) {
            if (octet.length() != 2 || !isHexDigit(octet.charAt(0)) || !isHexDigit(octet.charAt(1))) {
                throw new SdpParseException("a=fingerprint: invalid octet '" + octet + "'");
            }
        }
        return new Fingerprint(hash, hex);
    }

    /** The digest bytes. */
    public byte[] digest() {
        return COLON_HEX.parseHex(fingerprint.toUpperCase(Locale.ROOT));
    }

    /** Hash function names are case-insensitive (RFC 8122 §5), so compare with this rather than equals. */
    public boolean hashFunctionIs(String name) {
        return hashFunction.equalsIgnoreCase(name);
    }

    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        return hashFunction + ' ' + fingerprint;
    }
}
