package dev.switchyard.sctp;

/**
 * The one exception the SCTP and DCEP parsers throw: the bytes are not a well-formed packet, chunk, parameter
 * or message. The message says which field was wrong and why; the receiver drops what it could not parse.
 */
public final class SctpParseException extends Exception {

    private static final long serialVersionUID = 1L;

    public SctpParseException(String message) {
        super(message);
    }
}
