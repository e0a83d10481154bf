package dev.switchyard.sctp.chunk;

import dev.switchyard.sctp.SctpParseException;
import dev.switchyard.sctp.Unsigned;

import static dev.switchyard.sctp.BigEndian.getUint32;
import static dev.switchyard.sctp.BigEndian.putUint32;

/**
 * Shutdown Association, SHUTDOWN (RFC 9260 §3.3.8): starts a graceful close once all data is acknowledged.
 *
 * @param cumulativeTsnAck the last TSN received in sequence, 32 bits unsigned
 */
public record ShutdownChunk(long cumulativeTsnAck) implements Chunk {

    public static final int TYPE = 7;

    private static final int LENGTH = ChunkHeader.SIZE + 4;

    public ShutdownChunk {
        Unsigned.requireUint32("cumulative TSN ack", cumulativeTsnAck);
    }

    @Override
    public int type() {
        return TYPE;
    }

    @Override
    public int serializedSize() {
        return LENGTH;
    }

    @Override
    public int writeTo(byte[] buffer, int offset) {
        int size = ChunkHeader.write(buffer, offset, TYPE, 0, LENGTH);
        putUint32(buffer, offset + ChunkHeader.SIZE, cumulativeTsnAck);
        return size;
    }

    static ShutdownChunk parse(byte[] buffer, int offset, int length) throws SctpParseException {
        ChunkHeader.requireValueLength("SHUTDOWN", length, LENGTH - ChunkHeader.SIZE);
        return new ShutdownChunk(getUint32(buffer, offset));
    }
}
