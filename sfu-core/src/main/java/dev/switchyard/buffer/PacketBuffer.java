package dev.switchyard.buffer;

import java.util.Objects;

import org.jitsi.utils.ByteArrayBuffer;

/**
 * A reusable packet held in a fixed-capacity array: the packet is {@code buffer()[offset(), offset() + length())},
 * the bytes before it are head room and the bytes after it are tail room.
 *
 * <p>SRTP protects and unprotects it in place. It also implements jitsi-utils' {@link ByteArrayBuffer}, which
 * jitsi-srtp takes, so that the tests can use jitsi-srtp as an independent oracle. The array never grows:
 * protecting needs {@link #MAX_SRTP_TRAILER} bytes of tail room, which {@link #DEFAULT_CAPACITY} leaves after a
 * full-size packet. Not thread-safe.
 */
public final class PacketBuffer implements ByteArrayBuffer {

    /** The largest packet Switchyard receives or sends: an Ethernet MTU. */
    public static final int MAX_PACKET = 1500;

    /**
     * The most bytes protection appends: the 4-byte SRTCP index (RFC 3711 §3.4) plus the 16-byte AES-GCM tag
     * (RFC 7714 §10), which is longer than the 10-byte HMAC-SHA1-80 tag.
     */
    public static final int MAX_SRTP_TRAILER = 4 + 16;

    /** Room for a full-size packet plus its SRTP trailer. */
    public static final int DEFAULT_CAPACITY = MAX_PACKET + MAX_SRTP_TRAILER;

    private final byte[] buffer;
    private int offset;
    private int length;

    private PacketBuffer(byte[] buffer) {
        this.buffer = buffer;
    }

    /** An empty buffer of {@code capacity} bytes, its packet starting at offset 0. */
    public static PacketBuffer allocate(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        return new PacketBuffer(new byte[capacity]);
    }

    /** An empty buffer of {@link #DEFAULT_CAPACITY} bytes. */
    public static PacketBuffer allocate() {
        return allocate(DEFAULT_CAPACITY);
    }

    public byte[] buffer() {
        return buffer;
    }

    public int offset() {
        return offset;
    }

    public int length() {
        return length;
    }

    public int capacity() {
        return buffer.length;
    }

    public int headRoom() {
        return offset;
    }

    public int tailRoom() {
        return buffer.length - offset - length;
    }

    /**
     * Places the packet at {@code [offset, offset + length)} of the array, e.g. after a receive into
     * {@link #buffer()}.
     *
     * @throws IndexOutOfBoundsException if the range is outside the array
     */
    public void setOffsetLength(int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        this.offset = offset;
        this.length = length;
    }

    /**
     * Replaces the packet with a copy of {@code source[sourceOffset, sourceOffset + length)}, keeping the
     * current offset (and so the head room).
     *
     * @throws IndexOutOfBoundsException if the source range is invalid or the copy does not fit
     */
    public void copyFrom(byte[] source, int sourceOffset, int length) {
        Objects.checkFromIndexSize(sourceOffset, length, source.length);
        Objects.checkFromIndexSize(offset, length, buffer.length);
        System.arraycopy(source, sourceOffset, buffer, offset, length);
        this.length = length;
    }

    // org.jitsi.utils.ByteArrayBuffer, used by jitsi-srtp (a test oracle) only.

    @Override
    public byte[] getBuffer() {
        return buffer;
    }

    @Override
    public int getOffset() {
        return offset;
    }

    @Override
    public int getLength() {
        return length;
    }

    @Override
    public void setLength(int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        this.length = length;
    }

    @Override
    public void setOffset(int offset) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        this.offset = offset;
    }

    @Override
    public boolean isInvalid() {
        return false;
    }

    @Override
    public void readRegionToBuff(int regionOffset, int regionLength, byte[] destination) {
        Objects.checkFromIndexSize(regionOffset, regionLength, length);
        System.arraycopy(buffer, offset + regionOffset, destination, 0, regionLength);
    }

    /**
     * Ensures {@code howMuch} bytes of tail room; the capacity is fixed, so this only checks.
     *
     * @throws IllegalStateException if the tail room is smaller
     */
    @Override
    public void grow(int howMuch) {
        if (howMuch > tailRoom()) {
            throw new IllegalStateException("tail room " + tailRoom() + " < " + howMuch);
        }
    }

    @Override
    public void append(byte[] data, int dataLength) {
        grow(dataLength);
        System.arraycopy(data, 0, buffer, offset + length, dataLength);
        length += dataLength;
    }

    @Override
    public void shrink(int howMuch) {
        if (howMuch < 0 || howMuch > length) {
            throw new IllegalArgumentException("cannot shrink " + length + " bytes by " + howMuch);
        }
        length -= howMuch;
    }
}
