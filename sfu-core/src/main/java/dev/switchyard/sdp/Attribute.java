package dev.switchyard.sdp;

import java.util.Objects;

/**
 * One {@code a=} line exactly as written (RFC 8866 §5.13): {@code a=name} is a property attribute with a null
 * value, {@code a=name:value} a value attribute. Keeping the raw text is what makes parse → serialize byte-identical;
 * typed views such as {@link Candidate} are parsed from it on demand.
 */
public record Attribute(String name, String value) {

    /**
     * @throws IllegalArgumentException if {@code name} is not an RFC 8866 token or {@code value} cannot be written
     *                                  on one line
     */
    public Attribute {
        Objects.requireNonNull(name, "name");
        if (!SdpSyntax.isToken(name)) {
            throw new IllegalArgumentException("attribute name is not a token: '" + name + "'");
        }
        if (value != null) {
            SdpSyntax.requireLineText(value, "attribute value");
        }
    }

    /** A property attribute such as {@code a=rtcp-mux}. */
    public static Attribute flag(String name) {
        return new Attribute(name, null);
    }

    public boolean isFlag() {
        return value == null;
    }

    /** The text after {@code a=}. */
    @Override
    public String toString() {
        return value == null ? name : name + ':' + value;
    }
}
