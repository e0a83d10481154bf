package dev.switchyard.sctp.chunk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import dev.switchyard.sctp.SctpParseException;

import static dev.switchyard.sctp.BigEndian.getUint16;
import static dev.switchyard.sctp.BigEndian.getUint8;

/** Parses the chunks that follow an SCTP common header, dispatching on the chunk type (RFC 9260 §3.2). */
public final class Chunks {

    private Chunks() {
    }

    /**
     * Parses every chunk in {@code length} bytes at {@code offset}. Each chunk but the last must be padded to
     * four bytes; the last one's padding may be missing. Padding bytes are ignored, as RFC 9260 §3.2 asks.
     *
     * @return the chunks in order, unmodifiable; empty if {@code length} is 0
     * @throws SctpParseException if a chunk header is truncated, a chunk length is shorter than the header or
     *         runs past the range, or a chunk's value is malformed
     * @throws IndexOutOfBoundsException if the range lies outside {@code buffer} (the caller's mistake)
     */
    public static List<Chunk> parse(byte[] buffer, int offset, int length) throws SctpParseException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        List<Chunk> chunks = new ArrayList<>();
        int position = offset;
        int end = offset + length;
        while (position < end) {
            int remaining = end - position;
            if (remaining < ChunkHeader.SIZE) {
                throw new SctpParseException(remaining + " stray bytes where a chunk header should be");
            }
            int type = getUint8(buffer, position);
            int flags = getUint8(buffer, position + 1);
            int chunkLength = getUint16(buffer, position + 2);
            if (chunkLength < ChunkHeader.SIZE) {
                throw new SctpParseException("chunk type " + type + ": length " + chunkLength
                        + " is shorter than the chunk header");
            }
            if (chunkLength > remaining) {
                throw new SctpParseException("chunk type " + type + ": length " + chunkLength + " runs past the "
                        + remaining + " bytes left in the packet");
            }
            chunks.add(parseValue(type, flags, buffer, position + ChunkHeader.SIZE, chunkLength - ChunkHeader.SIZE));
            position += Math.min(ChunkHeader.padded(chunkLength), remaining);
        }
        return Collections.unmodifiableList(chunks);
    }

    private static Chunk parseValue(int type, int flags, byte[] buffer, int offset, int length)
            throws SctpParseException {
        return switch (type) {
            case DataChunk.TYPE -> DataChunk.parse(flags, buffer, offset, length);
            case InitChunk.TYPE -> InitChunk.parse(buffer, offset, length);
            case InitAckChunk.TYPE -> InitAckChunk.parse(buffer, offset, length);
            case SackChunk.TYPE -> SackChunk.parse(buffer, offset, length);
            case HeartbeatChunk.TYPE -> HeartbeatChunk.parse(buffer, offset, length);
            case HeartbeatAckChunk.TYPE -> HeartbeatAckChunk.parse(buffer, offset, length);
            case AbortChunk.TYPE -> AbortChunk.parse(flags, buffer, offset, length);
            case ShutdownChunk.TYPE -> ShutdownChunk.parse(buffer, offset, length);
            case ShutdownAckChunk.TYPE -> ShutdownAckChunk.parse(length);
            case ErrorChunk.TYPE -> ErrorChunk.parse(buffer, offset, length);
            case CookieEchoChunk.TYPE -> CookieEchoChunk.parse(buffer, offset, length);
            case CookieAckChunk.TYPE -> CookieAckChunk.parse(length);
            case ShutdownCompleteChunk.TYPE -> ShutdownCompleteChunk.parse(flags, length);
            case ForwardTsnChunk.TYPE -> ForwardTsnChunk.parse(buffer, offset, length);
            case ReconfigChunk.TYPE -> ReconfigChunk.parse(buffer, offset, length);
            default -> UnknownChunk.parse(type, flags, buffer, offset, length);
        };
    }

    /** Whether {@code type} has a record of its own here (so an {@link UnknownChunk} cannot have it). */
    static boolean isKnownType(int type) {
        return switch (type) {
            case DataChunk.TYPE, InitChunk.TYPE, InitAckChunk.TYPE, SackChunk.TYPE, HeartbeatChunk.TYPE,
                    HeartbeatAckChunk.TYPE, AbortChunk.TYPE, ShutdownChunk.TYPE, ShutdownAckChunk.TYPE,
                    ErrorChunk.TYPE, CookieEchoChunk.TYPE, CookieAckChunk.TYPE, ShutdownCompleteChunk.TYPE,
                    ForwardTsnChunk.TYPE, ReconfigChunk.TYPE -> true;
            default -> false;
        };
    }
}
