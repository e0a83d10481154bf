package dev.switchyard.sctp.chunk;

import dev.switchyard.sctp.SctpParseException;

/**
 * Shutdown Complete, SHUTDOWN COMPLETE (RFC 9260 §3.3.13): the last chunk of a graceful close.
 *
 * @param tagReflected T flag: the packet carries the receiver's own verification tag back rather than the
 *                     peer's (RFC 9260 §8.5.1)
 */
public record ShutdownCompleteChunk(boolean tagReflected) implements Chunk {

    public static final int TYPE = 14;

    static final int FLAG_TAG_REFLECTED = 0x01;

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
        return ChunkHeader.write(buffer, offset, TYPE, tagReflected ? FLAG_TAG_REFLECTED : 0, ChunkHeader.SIZE);
    }

    static ShutdownCompleteChunk parse(int flags, int length) throws SctpParseException {
        ChunkHeader.requireValueLength("SHUTDOWN COMPLETE", length, 0);
        return new ShutdownCompleteChunk((flags & FLAG_TAG_REFLECTED) != 0);
    }
}
