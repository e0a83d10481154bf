package dev.switchyard.sctp.chunk;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.switchyard.sctp.SctpParseException;
import dev.switchyard.sctp.Unsigned;

import static dev.switchyard.sctp.BigEndian.getUint16;
import static dev.switchyard.sctp.BigEndian.getUint32;
import static dev.switchyard.sctp.BigEndian.putUint16;
import static dev.switchyard.sctp.BigEndian.putUint32;

/**
 * Outgoing SSN Reset Request Parameter (RFC 6525 §4.1): the sender resets its outgoing streams, which is how a
 * data channel is closed (RFC 8831 §6.7).
 *
 * @param requestSequence  Re-configuration Request Sequence Number, 32 bits unsigned
 * @param responseSequence the Request Sequence Number of the peer's last request this one answers, 32 bits
 *                         unsigned
 * @param senderLastTsn    the last TSN the sender assigned, 32 bits unsigned
 * @param streamIds        the streams to reset, each 16 bits; empty means all of them; unmodifiable
 */
public record OutgoingResetRequest(long requestSequence, long responseSequence, long senderLastTsn,
                                   List<Integer> streamIds) implements ReconfigParameter {

    public static final int TYPE = 13;

    private static final int FIXED_VALUE_SIZE = 12;

    public OutgoingResetRequest {
        Unsigned.requireUint32("request sequence number", requestSequence);
        Unsigned.requireUint32("response sequence number", responseSequence);
        Unsigned.requireUint32("sender's last assigned TSN", senderLastTsn);
        streamIds = List.copyOf(streamIds);
        for (int streamId : streamIds) {
            Unsigned.requireUint16("stream identifier", streamId);
        }
        Tlv.requireValueLength("Outgoing SSN Reset Request", FIXED_VALUE_SIZE + 2 * streamIds.size());
    }

    @Override
    public int type() {
        return TYPE;
    }

    @Override
    public int length() {
        return Tlv.HEADER_SIZE + FIXED_VALUE_SIZE + 2 * streamIds.size();
    }

    @Override
    public int writeTo(byte[] buffer, int offset) {
        int size = serializedSize();
        Objects.checkFromIndexSize(offset, size, buffer.length);
        int position = Tlv.writeHeader(buffer, offset, TYPE, length() - Tlv.HEADER_SIZE);
        putUint32(buffer, position, requestSequence);
        putUint32(buffer, position + 4, responseSequence);
        putUint32(buffer, position + 8, senderLastTsn);
        position += FIXED_VALUE_SIZE;
        for (int streamId : streamIds) {
            putUint16(buffer, position, streamId);
            position += 2;
        }
        if (position < offset + size) {
            putUint16(buffer, position, 0); // padding after an odd number of streams
        }
        return size;
    }

    static OutgoingResetRequest parse(byte[] buffer, int offset, int length) throws SctpParseException {
        if (length < FIXED_VALUE_SIZE || (length - FIXED_VALUE_SIZE) % 2 != 0) {
            throw new SctpParseException("Outgoing SSN Reset Request of " + length + " bytes: needs "
                    + FIXED_VALUE_SIZE + " plus two per stream");
        }
        List<Integer> streams = new ArrayList<>((length - FIXED_VALUE_SIZE) / 2);
        for (int position = offset + FIXED_VALUE_SIZE; position < offset + length; position += 2) {
            streams.add(getUint16(buffer, position));
        }
        return new OutgoingResetRequest(getUint32(buffer, offset), getUint32(buffer, offset + 4),
                getUint32(buffer, offset + 8), streams);
    }
}
