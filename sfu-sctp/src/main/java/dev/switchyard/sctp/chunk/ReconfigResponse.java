package dev.switchyard.sctp.chunk;

import java.util.Objects;

import dev.switchyard.sctp.SctpParseException;
import dev.switchyard.sctp.Unsigned;

import static dev.switchyard.sctp.BigEndian.getUint32;
import static dev.switchyard.sctp.BigEndian.putUint32;

/**
 * Re-configuration Response Parameter (RFC 6525 §4.4): the answer to one request.
 *
 * <p>The optional Sender's and Receiver's Next TSN fields only answer an SSN/TSN Reset Request (§4.3), which a
 * data channel association never sends; a parsed response that has them keeps only the two fields here.
 *
 * @param responseSequence the Request Sequence Number answered, 32 bits unsigned
 * @param result           one of the result codes below, 32 bits unsigned
 */
public record ReconfigResponse(long responseSequence, long result) implements ReconfigParameter {

    public static final int TYPE = 16;

    public static final long SUCCESS_NOTHING_TO_DO = 0;
    public static final long SUCCESS_PERFORMED = 1;
    public static final long DENIED = 2;
    public static final long ERROR_WRONG_SSN = 3;
    public static final long ERROR_REQUEST_ALREADY_IN_PROGRESS = 4;
    public static final long ERROR_BAD_SEQUENCE_NUMBER = 5;
    /** RFC 6525 calls it "In progress": not a failure, the request will be performed later; ask again. */
    public static final long ERROR_IN_PROGRESS = 6;

    private static final int VALUE_SIZE = 8;
    private static final int VALUE_SIZE_WITH_TSNS = 16;

    public ReconfigResponse {
        Unsigned.requireUint32("response sequence number", responseSequence);
        Unsigned.requireUint32("result", result);
    }

    @Override
    public int type() {
        return TYPE;
    }

    @Override
    public int length() {
        return Tlv.HEADER_SIZE + VALUE_SIZE;
    }

    @Override
    public int writeTo(byte[] buffer, int offset) {
        Objects.checkFromIndexSize(offset, length(), buffer.length);
        int position = Tlv.writeHeader(buffer, offset, TYPE, VALUE_SIZE);
        putUint32(buffer, position, responseSequence);
        putUint32(buffer, position + 4, result);
        return length();
    }

    static ReconfigResponse parse(byte[] buffer, int offset, int length) throws SctpParseException {
        if (length != VALUE_SIZE && length != VALUE_SIZE_WITH_TSNS) {
            throw new SctpParseException("Re-configuration Response of " + length + " bytes, expected "
                    + VALUE_SIZE + " or " + VALUE_SIZE_WITH_TSNS);
        }
        return new ReconfigResponse(getUint32(buffer, offset), getUint32(buffer, offset + 4));
    }
}
