package dev.switchyard.sctp.chunk;

import java.util.ArrayList;
import java.util.List;

import dev.switchyard.sctp.SctpParseException;
import dev.switchyard.sctp.Unsigned;

import static dev.switchyard.sctp.BigEndian.getUint16;
import static dev.switchyard.sctp.BigEndian.getUint32;
import static dev.switchyard.sctp.BigEndian.putUint16;
import static dev.switchyard.sctp.BigEndian.putUint32;

/**
 * Forward Cumulative TSN, FORWARD TSN (RFC 3758 §3.2): tells the receiver to move its cumulative TSN past
 * abandoned partially reliable messages.
 *
 * @param newCumulativeTsn the TSN to treat as received up to, 32 bits unsigned
 * @param streams          for ordered streams, the last stream sequence number skipped; unmodifiable
 */
public record ForwardTsnChunk(long newCumulativeTsn, List<SkippedStream> streams) implements Chunk {

    public static final int TYPE = 192;

    private static final int FIXED_VALUE_SIZE = 4;

    public ForwardTsnChunk {
        Unsigned.requireUint32("new cumulative TSN", newCumulativeTsn);
        streams = List.copyOf(streams);
        ChunkHeader.requireLength("FORWARD TSN", length(streams.size()));
    }

    private static int length(int streams) {
        return ChunkHeader.SIZE + FIXED_VALUE_SIZE + 4 * streams;
    }

    @Override
    public int type() {
        return TYPE;
    }

    @Override
    public int serializedSize() {
        return length(streams.size());
    }

    @Override
    public int writeTo(byte[] buffer, int offset) {
        int size = ChunkHeader.write(buffer, offset, TYPE, 0, length(streams.size()));
        putUint32(buffer, offset + ChunkHeader.SIZE, newCumulativeTsn);
        int position = offset + ChunkHeader.SIZE + FIXED_VALUE_SIZE;
        for (SkippedStream stream : streams) {
            putUint16(buffer, position, stream.streamId());
            putUint16(buffer, position + 2, stream.streamSequence());
            position += 4;
        }
        return size;
    }

    static ForwardTsnChunk parse(byte[] buffer, int offset, int length) throws SctpParseException {
        ChunkHeader.requireMinimumValueLength("FORWARD TSN", length, FIXED_VALUE_SIZE);
        if ((length - FIXED_VALUE_SIZE) % 4 != 0) {
            throw new SctpParseException("FORWARD TSN chunk value of " + length + " bytes does not hold whole "
                    + "4-byte stream entries");
        }
        List<SkippedStream> streams = new ArrayList<>((length - FIXED_VALUE_SIZE) / 4);
        for (int position = offset + FIXED_VALUE_SIZE; position < offset + length; position += 4) {
            streams.add(new SkippedStream(getUint16(buffer, position), getUint16(buffer, position + 2)));
        }
        return new ForwardTsnChunk(getUint32(buffer, offset), streams);
    }
}
