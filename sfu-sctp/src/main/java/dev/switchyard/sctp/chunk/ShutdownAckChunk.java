package dev.switchyard.sctp.chunk;

import dev.switchyard.sctp.SctpParseException;

/** Shutdown Acknowledgement, SHUTDOWN ACK (RFC 9260 §3.3.9): a header and nothing else. */
public record ShutdownAckChunk() implements Chunk {

    public static final int TYPE = 8;

    @Override
    public int type() {
        return TYPE;
    }

    @Override
    public int serializedSize() {
        return ChunkHeader.SIZE;
    }

    @Override
    public int writeTo(byte[] buffer, int offset) {
        return ChunkHeader.write(buffer, offset, TYPE, 0, ChunkHeader.SIZE);
    }

    static ShutdownAckChunk parse(int length) throws SctpParseException {
        ChunkHeader.requireValueLength("SHUTDOWN ACK", length, 0);
        return new ShutdownAckChunk();
    }
}
