package dev.switchyard.sctp.chunk;

import java.util.List;

import dev.switchyard.sctp.SctpParseException;

/**
 * Abort Association, ABORT (RFC 9260 §3.3.7): ends the association at once, optionally saying why.
 *
 * @param tagReflected T flag: the packet carries the receiver's own verification tag back rather than the
 *                     peer's (RFC 9260 §8.4, §8.5.1)
 * @param causes       error causes, possibly none, unmodifiable
 */
public record AbortChunk(boolean tagReflected, List<ErrorCause> causes) implements Chunk {

    public static final int TYPE = 6;

    static final int FLAG_TAG_REFLECTED = 0x01;

    public AbortChunk {
        causes = List.copyOf(causes);
        ChunkHeader.requireLength("ABORT", ChunkHeader.SIZE + ErrorCause.listLength(causes));
    }

    @Override
    public int type() {
        return TYPE;
    }

    @Override
    public int serializedSize() {
        return ChunkHeader.padded(ChunkHeader.SIZE + ErrorCause.listLength(causes));
    }

    @Override
    public int writeTo(byte[] buffer, int offset) {
        int size = ChunkHeader.write(buffer, offset, TYPE, tagReflected ? FLAG_TAG_REFLECTED : 0,
                ChunkHeader.SIZE + ErrorCause.listLength(causes));
        ErrorCause.writeList(buffer, offset + ChunkHeader.SIZE, causes);
        return size;
    }

    static AbortChunk parse(int flags, byte[] buffer, int offset, int length) throws SctpParseException {
        return new AbortChunk((flags & FLAG_TAG_REFLECTED) != 0, ErrorCause.parseList("ABORT", buffer, offset, length));
    }
}
