package dev.switchyard.sdp;

/**
 * Malformed SDP. This is the only exception {@link SessionDescription#parse} and the typed attribute parsers
 * throw for any input, so code handling untrusted offers from browsers catches exactly this type.
 */
public final class SdpParseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int lineNumber;
    private final String reason;

    /** A problem in text that is not a line of a session description, such as a trickled candidate. */
    public SdpParseException(String reason) {
        this(0, reason);
    }

    public SdpParseException(int lineNumber, String reason) {
        super(lineNumber > 0 ? "line " + lineNumber + ": " + reason : reason);
        this.lineNumber = lineNumber;
        this.reason = reason;
    }

    /** 1-based number of the offending line, or 0 when the text did not come from a session description. */
    public int lineNumber() {
        return lineNumber;
    }

    /** The message without the line number prefix. */
    public String reason() {
        return reason;
    }
}
