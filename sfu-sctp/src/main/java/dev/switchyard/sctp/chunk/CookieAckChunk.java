package dev.switchyard.sctp.chunk;

import dev.switchyard.sctp.SctpParseException;

/** Cookie Acknowledgement, COOKIE ACK (RFC 9260 §3.3.12): a header and nothing else; ends the handshake. */
public record CookieAckChunk() implements Chunk {

    public static final int TYPE = 11;

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

    static CookieAckChunk parse(int length) throws SctpParseException {
        ChunkHeader.requireValueLength("COOKIE ACK", length, 0);
        return new CookieAckChunk();
    }
}
