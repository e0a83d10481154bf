package dev.switchyard.rtcp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import static dev.switchyard.rtp.BigEndian.putUint32;
import static dev.switchyard.rtp.BigEndian.getUint32;
import static dev.switchyard.rtcp.RtcpBytes.u8;

/**
 * Source description, SDES (RFC 3550 §6.5): {@code count} chunks, each an SSRC followed by type-length-value
 * items and terminated by null octets up to the next 32-bit boundary.
 *
 * <p>The view walks chunks with {@link #nextChunk()} and the current chunk's items with {@link #nextItem()};
 * the whole structure is validated by {@code wrap}, so iteration itself cannot fail.
 */
public final class SourceDescription extends RtcpPacketView {

    /** Item types (RFC 3550 §6.5.1 to §6.5.8); 0 terminates a chunk's item list. */
    public static final int END = 0;
    public static final int CNAME = 1;
    public static final int NAME = 2;
    public static final int EMAIL = 3;
    public static final int PHONE = 4;
    public static final int LOC = 5;
    public static final int TOOL = 6;
    public static final int NOTE = 7;
    public static final int PRIV = 8;

    private int chunksLeft;
    private int nextChunk;
    private int chunk;
    private int nextItem;
    private int item;

    public SourceDescription() {
        super(RtcpPacketType.SOURCE_DESCRIPTION);
    }

    @Override
    boolean validate() {
        int position = offset + RtcpHeader.SIZE;
        for (int i = count(); i > 0; i--) {
            position = chunkEnd(position);
            if (position < 0) {
                return false;
            }
        }
        rewind();
        return true;
    }

    /** Offset just past the chunk starting at {@code start}, or -1 if it does not fit before the padding. */
    private int chunkEnd(int start) {
        int position = start + 4;
        while (true) {
            if (position >= contentEnd) {
                return -1;
            }
            if (u8(buffer, position) == END) {
                break;
            }
            if (position + 2 > contentEnd) {
                return -1;
            }
            position += 2 + u8(buffer, position + 1);
        }
        int aligned = position + 1 + (-(position + 1 - offset) & 3);
        return aligned <= contentEnd ? aligned : -1;
    }

    /** Goes back to before the first chunk. */
    public void rewind() {
        chunksLeft = count();
        nextChunk = offset + RtcpHeader.SIZE;
        chunk = -1;
    }

    /** Advances to the next chunk; false after the last one. */
    public boolean nextChunk() {
        if (chunksLeft == 0) {
            return false;
        }
        chunksLeft--;
        chunk = nextChunk;
        nextItem = chunk + 4;
        nextChunk = chunkEnd(chunk);
        return true;
    }

    public long chunkSsrc() {
        return getUint32(buffer, chunk);
    }

    /** Advances to the next item of the current chunk; false after its last item. */
    public boolean nextItem() {
        if (u8(buffer, nextItem) == END) {
            return false;
        }
        item = nextItem;
        nextItem += 2 + u8(buffer, item + 1);
        return true;
    }

    public int itemType() {
        return u8(buffer, item);
    }

    public int itemValueOffset() {
        return item + 2;
    }

    public int itemValueLength() {
        return u8(buffer, item + 1);
    }

    /** The current item's value decoded as UTF-8 (allocates). */
    public String itemText() {
        return new String(buffer, itemValueOffset(), itemValueLength(), StandardCharsets.UTF_8);
    }

    /**
     * Writes an SDES packet and returns its length.
     *
     * @throws IllegalArgumentException with more than 31 chunks or if the destination is too small
     */
    public static int write(byte[] destination, int offset, List<Chunk> chunks) {
        if (chunks.size() > RtcpHeader.MAX_COUNT) {
            throw new IllegalArgumentException("at most 31 chunks per SDES packet, got " + chunks.size());
        }
        int length = RtcpHeader.SIZE;
        for (Chunk c : chunks) {
            length += c.encodedLength();
        }
        RtcpBytes.requireRoom(destination, offset, length);
        RtcpHeader.write(destination, offset, false, chunks.size(), RtcpPacketType.SOURCE_DESCRIPTION, length);
        int position = offset + RtcpHeader.SIZE;
        for (Chunk c : chunks) {
            position += c.write(destination, position);
        }
        return length;
    }

    /** Writes the usual single-chunk SDES carrying just a CNAME (RFC 3550 §6.5.1) and returns its length. */
    public static int writeCname(byte[] destination, int offset, long ssrc, String cname) {
        return write(destination, offset, List.of(new Chunk(ssrc, List.of(new Item(CNAME, cname)))));
    }

    /** One SDES chunk, for writing. */
    public record Chunk(long ssrc, List<Item> items) {

        public Chunk {
            items = List.copyOf(items);
        }

        int encodedLength() {
            int length = 4 + 1; // SSRC and at least one terminating null octet
            for (Item i : items) {
                length += 2 + i.value().length;
            }
            return (length + 3) & ~3;
        }

        int write(byte[] destination, int offset) {
            int length = encodedLength();
            putUint32(destination, offset, ssrc);
            int position = offset + 4;
            for (Item i : items) {
                byte[] value = i.value();
                destination[position] = (byte) i.type();
                destination[position + 1] = (byte) value.length;
                System.arraycopy(value, 0, destination, position + 2, value.length);
                position += 2 + value.length;
            }
            Arrays.fill(destination, position, offset + length, (byte) 0);
            return length;
        }
    }

    /**
     * One SDES item, for writing.
     *
     * @throws IllegalArgumentException if type is not 1..255 or the UTF-8 text exceeds 255 bytes
     */
    public record Item(int type, String text) {

        public Item {
            Objects.requireNonNull(text, "text");
            if (type <= END || type > 0xFF) {
                throw new IllegalArgumentException("SDES item type out of range: " + type);
            }
            if (text.getBytes(StandardCharsets.UTF_8).length > 0xFF) {
                throw new IllegalArgumentException("SDES item longer than 255 bytes");
            }
        }

        byte[] value() {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }
}
