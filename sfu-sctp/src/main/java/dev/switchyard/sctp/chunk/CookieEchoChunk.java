package dev.switchyard.sctp.chunk;

import java.util.Arrays;
import java.util.Objects;

/**
 * State Cookie, COOKIE ECHO (RFC 9260 §3.3.11): returns the State Cookie of the INIT ACK, byte for byte.
 *
 * <p>{@code cookie} is held as given, not copied: do not change the array after handing it over. A parsed
 * chunk's cookie is a copy of the packet's bytes.
 *
 * @param cookie the State Cookie as received in the INIT ACK
 */
public record CookieEchoChunk(byte[] cookie) implements Chunk {

    public static final int TYPE = 10;

    public CookieEchoChunk {
        Objects.requireNonNull(cookie, "cookie");
        ChunkHeader.requireLength("COOKIE ECHO", ChunkHeader.SIZE + cookie.length);
    }

    @Override
    public int type() {
        return TYPE;
    }

    @Override
    public int serializedSize() {
        return ChunkHeader.padded(ChunkHeader.SIZE + cookie.length);
    }

    @Override
    public int writeTo(byte[] buffer, int offset) {
        int size = ChunkHeader.write(buffer, offset, TYPE, 0, ChunkHeader.SIZE + cookie.length);
        System.arraycopy(cookie, 0, buffer, offset + ChunkHeader.SIZE, cookie.length);
        return size;
    }

    static CookieEchoChunk parse(byte[] buffer, int offset, int length) {
        return new CookieEchoChunk(Arrays.copyOfRange(buffer, offset, offset + length));
    }
}
