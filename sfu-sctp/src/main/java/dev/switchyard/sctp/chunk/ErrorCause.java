package dev.switchyard.sctp.chunk;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import dev.switchyard.sctp.SctpParseException;
import dev.switchyard.sctp.Unsigned;

/**
 * One error cause of an ABORT or ERROR chunk (RFC 9260 §3.3.10): a 16-bit code, a length, and cause-specific
 * information, padded to four bytes.
 *
 * <p>{@code information} is held as given, not copied: do not change the array after handing it over. A parsed
 * cause's information is a copy of the packet's bytes.
 *
 * @param code        cause code, 16 bits
 * @param information the cause-specific information, its layout depending on the code
 */
public record ErrorCause(int code, byte[] information) {

    /** Stream identifier (16 bits) and 16 reserved bits (RFC 9260 §3.3.10.1). */
    public static final int INVALID_STREAM_IDENTIFIER = 1;
    /** Count and types of the missing parameters (RFC 9260 §3.3.10.2). */
    public static final int MISSING_MANDATORY_PARAMETER = 2;
    /** The unrecognized chunk, header included (RFC 9260 §3.3.10.6). */
    public static final int UNRECOGNIZED_CHUNK_TYPE = 6;
    /** The TSN of the DATA chunk without user data (RFC 9260 §3.3.10.9). */
    public static final int NO_USER_DATA = 9;
    /** The upper layer's reason for aborting, free form (RFC 9260 §3.3.10.12). */
    public static final int USER_INITIATED_ABORT = 12;
    /** Additional information about the violation, free form (RFC 9260 §3.3.10.13). */
    public static final int PROTOCOL_VIOLATION = 13;

    public ErrorCause {
        Unsigned.requireUint16("error cause code", code);
        Objects.requireNonNull(information, "information");
        Tlv.requireValueLength("error cause information", information.length);
    }

    /**
     * A cause whose information is a human-readable reason in UTF-8, as for {@link #USER_INITIATED_ABORT} and
     * {@link #PROTOCOL_VIOLATION}.
     */
    public static ErrorCause withReason(int code, String reason) {
        return new ErrorCause(code, reason.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * An {@link #UNRECOGNIZED_CHUNK_TYPE} cause carrying the chunk as it came, header and value without padding
     * (RFC 9260 §3.3.10.6).
     */
    public static ErrorCause unrecognizedChunk(UnknownChunk chunk) {
        byte[] written = new byte[chunk.serializedSize()];
        chunk.writeTo(written, 0);
        return new ErrorCause(UNRECOGNIZED_CHUNK_TYPE,
                Arrays.copyOf(written, ChunkHeader.SIZE + chunk.value().length));
    }

    /** The information decoded as UTF-8, malformed sequences replaced: for logs. */
    public String informationText() {
        return new String(information, StandardCharsets.UTF_8);
    }

    /** The length of a list of causes as the chunk length counts it (the last one's padding excluded). */
    static int listLength(List<ErrorCause> causes) {
        int length = 0;
        for (ErrorCause cause : causes) {
            length = Tlv.append(length, Tlv.HEADER_SIZE + cause.information.length);
        }
        return length;
    }

    /** Writes the causes one after another, each padded. */
    static void writeList(byte[] buffer, int offset, List<ErrorCause> causes) {
        int position = offset;
        for (ErrorCause cause : causes) {
            position += Tlv.write(buffer, position, cause.code, cause.information);
        }
    }

    static List<ErrorCause> parseList(String chunk, byte[] buffer, int offset, int length)
            throws SctpParseException {
        List<ErrorCause> causes = new ArrayList<>();
        Tlv.forEach(chunk + " error cause", buffer, offset, length, (code, valueOffset, valueLength) ->
                causes.add(new ErrorCause(code, Arrays.copyOfRange(buffer, valueOffset, valueOffset + valueLength))));
        return causes;
    }
}
