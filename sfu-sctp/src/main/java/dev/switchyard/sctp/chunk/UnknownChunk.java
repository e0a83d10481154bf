package dev.switchyard.sctp.chunk;

import java.util.Arrays;
import java.util.Objects;

import dev.switchyard.sctp.Unsigned;

/**
 * A chunk of a type this package has no record for, kept as it came. The two highest bits of the type tell the
 * receiver what to do with it (RFC 9260 §3.2): whether to go on with the rest of the packet, and whether to
 * report it in an ERROR with an Unrecognized Chunk Type cause.
 *
 * <p>{@code value} is held as given, not copied: do not change the array after handing it over. A parsed
 * chunk's value is a copy of the packet's bytes.
 *
 * @param type  chunk type, 0 to 255, not one of the types with a record here
 * @param flags the chunk flags, 8 bits
 * @param value the chunk value without padding
 */
public record UnknownChunk(int type, int flags, byte[] value) implements Chunk {

    private static final int SKIP_BIT = 0x80;
    private static final int REPORT_BIT = 0x40;

    public UnknownChunk {
        Unsigned.requireUint8("chunk type", type);
        if (Chunks.isKnownType(type)) {
            throw new IllegalArgumentException("chunk type " + type + " has its own record");
        }
        Unsigned.requireUint8("chunk flags", flags);
        Objects.requireNonNull(value, "value");
        ChunkHeader.requireLength("unknown", ChunkHeader.SIZE + value.length);
    }

    /** Upper bit set: skip this chunk and go on with the rest of the packet; clear: stop processing it. */
    public boolean continueProcessing() {
        return (type & SKIP_BIT) != 0;
    }

    /** Second bit set: report the chunk to the sender in an ERROR (Unrecognized Chunk Type). */
    public boolean reportUnrecognized() {
        return (type & REPORT_BIT) != 0;
    }

    @Override
    public int serializedSize() {
        return ChunkHeader.padded(ChunkHeader.SIZE + value.length);
    }

    @Override
    public int writeTo(byte[] buffer, int offset) {
        int size = ChunkHeader.write(buffer, offset, type, flags, ChunkHeader.SIZE + value.length);
        System.arraycopy(value, 0, buffer, offset + ChunkHeader.SIZE, value.length);
        return size;
    }

    static UnknownChunk parse(int type, int flags, byte[] buffer, int offset, int length) {
        return new UnknownChunk(type, flags, Arrays.copyOfRange(buffer, offset, offset + length));
    }
}
