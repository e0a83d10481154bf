package dev.switchyard.sctp.chunk;

import java.util.Arrays;
import java.util.Objects;

import dev.switchyard.sctp.SctpParseException;
import dev.switchyard.sctp.Unsigned;

import static dev.switchyard.sctp.BigEndian.getUint16;
import static dev.switchyard.sctp.BigEndian.getUint32;
import static dev.switchyard.sctp.BigEndian.putUint16;
import static dev.switchyard.sctp.BigEndian.putUint32;

/**
 * Payload Data, DATA (RFC 9260 §3.3.1): one fragment of a user message on a stream, with the I (immediate
 * SACK) flag of RFC 7053 §3.
 *
 * <p>{@code payload} is held as given, not copied: do not change the array after handing it over. A parsed
 * chunk's payload is a copy of the packet's bytes.
 *
 * @param tsn               Transmission Sequence Number, 32 bits unsigned
 * @param streamId          Stream Identifier S, 16 bits
 * @param streamSequence    Stream Sequence Number n, 16 bits (ignored by the receiver for unordered chunks)
 * @param payloadProtocolId Payload Protocol Identifier, 32 bits unsigned (see
 *                          {@link dev.switchyard.sctp.PayloadProtocol})
 * @param unordered         U flag: deliver without regard to the stream sequence
 * @param beginning         B flag: first fragment of a user message
 * @param ending            E flag: last fragment of a user message
 * @param immediateAck      I flag: the sender asks for a SACK without delay
 * @param payload           user data, at least one byte
 */
public record DataChunk(long tsn, int streamId, int streamSequence, long payloadProtocolId, boolean unordered,
                        boolean beginning, boolean ending, boolean immediateAck, byte[] payload) implements Chunk {

    public static final int TYPE = 0;
    /** The chunk header and the fixed fields before the user data. */
    public static final int HEADER_SIZE = 16;

    static final int FLAG_ENDING = 0x01;
    static final int FLAG_BEGINNING = 0x02;
    static final int FLAG_UNORDERED = 0x04;
    static final int FLAG_IMMEDIATE_ACK = 0x08;

    private static final int FIXED_VALUE_SIZE = HEADER_SIZE - ChunkHeader.SIZE;

    public DataChunk {
        Unsigned.requireUint32("TSN", tsn);
        Unsigned.requireUint16("stream identifier", streamId);
        Unsigned.requireUint16("stream sequence number", streamSequence);
        Unsigned.requireUint32("payload protocol identifier", payloadProtocolId);
        Objects.requireNonNull(payload, "payload");
        if (payload.length == 0) {
            throw new IllegalArgumentException("a DATA chunk carries at least one byte of user data");
        }
        ChunkHeader.requireLength("DATA", HEADER_SIZE + payload.length);
    }

    @Override
    public int type() {
        return TYPE;
    }

    @Override
    public int serializedSize() {
        return ChunkHeader.padded(HEADER_SIZE + payload.length);
    }

    @Override
    public int writeTo(byte[] buffer, int offset) {
        int flags = (unordered ? FLAG_UNORDERED : 0) | (beginning ? FLAG_BEGINNING : 0) | (ending ? FLAG_ENDING : 0)
                | (immediateAck ? FLAG_IMMEDIATE_ACK : 0);
        int size = ChunkHeader.write(buffer, offset, TYPE, flags, HEADER_SIZE + payload.length);
        putUint32(buffer, offset + 4, tsn);
        putUint16(buffer, offset + 8, streamId);
        putUint16(buffer, offset + 10, streamSequence);
        putUint32(buffer, offset + 12, payloadProtocolId);
        System.arraycopy(payload, 0, buffer, offset + HEADER_SIZE, payload.length);
        return size;
    }

    /** The value of a DATA chunk; a chunk without user data is a protocol error (RFC 9260 §6.2, No User Data). */
    static DataChunk parse(int flags, byte[] buffer, int offset, int length) throws SctpParseException {
        ChunkHeader.requireMinimumValueLength("DATA", length, FIXED_VALUE_SIZE);
        if (length == FIXED_VALUE_SIZE) {
            throw new SctpParseException("DATA chunk carries no user data");
        }
        return new DataChunk(getUint32(buffer, offset), getUint16(buffer, offset + 4), getUint16(buffer, offset + 6),
                getUint32(buffer, offset + 8), (flags & FLAG_UNORDERED) != 0, (flags & FLAG_BEGINNING) != 0,
                (flags & FLAG_ENDING) != 0, (flags & FLAG_IMMEDIATE_ACK) != 0,
                Arrays.copyOfRange(buffer, offset + FIXED_VALUE_SIZE, offset + length));
    }
}
