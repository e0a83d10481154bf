package dev.switchyard.sctp.chunk;

/**
 * One SCTP chunk (RFC 9260 §3.2): a type, flags, a length and a value, padded with zero bytes to a multiple of
 * four. {@link Chunks#parse} turns bytes into these; {@link #writeTo} turns them back.
 */
public sealed interface Chunk permits DataChunk, InitChunk, InitAckChunk, SackChunk, HeartbeatChunk,
        HeartbeatAckChunk, AbortChunk, ShutdownChunk, ShutdownAckChunk, ErrorChunk, CookieEchoChunk, CookieAckChunk,
        ShutdownCompleteChunk, ForwardTsnChunk, ReconfigChunk, UnknownChunk {

    /** The chunk type, 0 to 255. */
    int type();

    /** Bytes {@link #writeTo} writes: the header, the value and the padding to a multiple of four. */
    int serializedSize();

    /**
     * Writes the chunk at {@code offset}, padding included (zero bytes), and returns {@link #serializedSize()}.
     *
     * @throws IndexOutOfBoundsException if {@code buffer} has less than {@link #serializedSize()} bytes from
     *         {@code offset}
     */
    int writeTo(byte[] buffer, int offset);
}
