package dev.switchyard.sctp;

import java.util.List;
import java.util.Objects;

import dev.switchyard.sctp.chunk.Chunk;
import dev.switchyard.sctp.chunk.Chunks;

import static dev.switchyard.sctp.BigEndian.getUint16;
import static dev.switchyard.sctp.BigEndian.getUint32;
import static dev.switchyard.sctp.BigEndian.putUint16;
import static dev.switchyard.sctp.BigEndian.putUint32;

/**
 * An SCTP packet: the common header (RFC 9260 §3.1) and one or more chunks, each padded to four bytes.
 *
 * <p>The checksum is not a component: {@link #parse} verifies it and {@link #serialize} computes it. Which
 * chunks may be bundled together, and which verification tag each needs (RFC 9260 §6.10, §8.5), is the
 * association's business, not this format's.
 *
 * @param sourcePort      16 bits
 * @param destinationPort 16 bits
 * @param verificationTag 32 bits unsigned
 * @param chunks          at least one; copied into an unmodifiable list
 */
public record SctpPacket(int sourcePort, int destinationPort, long verificationTag, List<Chunk> chunks) {

    /** Source port, destination port, verification tag and checksum. */
    public static final int COMMON_HEADER_SIZE = 12;

    public SctpPacket {
        Unsigned.requireUint16("source port", sourcePort);
        Unsigned.requireUint16("destination port", destinationPort);
        Unsigned.requireUint32("verification tag", verificationTag);
        chunks = List.copyOf(chunks);
        if (chunks.isEmpty()) {
            throw new IllegalArgumentException("an SCTP packet carries at least one chunk");
        }
    }

    /**
     * Parses and checks one packet: the common header, the CRC32c checksum, then every chunk. The padding of the
     * last chunk may be missing (RFC 9260 §3.2 asks receivers to accept that).
     *
     * @throws SctpParseException if the packet is shorter than its header, the checksum does not match, it has
     *         no chunks, or any chunk is malformed
     * @throws IndexOutOfBoundsException if the range lies outside {@code buffer} (the caller's mistake, not the
     *         peer's)
     */
    public static SctpPacket parse(byte[] buffer, int offset, int length) throws SctpParseException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length < COMMON_HEADER_SIZE) {
            throw new SctpParseException("SCTP packet of " + length + " bytes is shorter than its "
                    + COMMON_HEADER_SIZE + "-byte common header");
        }
        long stored = SctpChecksum.read(buffer, offset);
        long computed = SctpChecksum.compute(buffer, offset, length);
        if (stored != computed) {
            throw new SctpParseException(String.format("SCTP checksum 0x%08x does not match the packet's CRC32c "
                    + "0x%08x", stored, computed));
        }
        List<Chunk> chunks = Chunks.parse(buffer, offset + COMMON_HEADER_SIZE, length - COMMON_HEADER_SIZE);
        if (chunks.isEmpty()) {
            throw new SctpParseException("SCTP packet carries no chunks");
        }
        return new SctpPacket(getUint16(buffer, offset), getUint16(buffer, offset + 2), getUint32(buffer, offset + 4),
                chunks);
    }

    /** The size of {@link #serialize()}'s result: the common header and every chunk with its padding. */
    public int serializedSize() {
        int size = COMMON_HEADER_SIZE;
        for (Chunk chunk : chunks) {
            size += chunk.serializedSize();
        }
        return size;
    }

    /** The packet on the wire, every chunk padded, with its checksum computed. */
    public byte[] serialize() {
        byte[] packet = new byte[serializedSize()];
        putUint16(packet, 0, sourcePort);
        putUint16(packet, 2, destinationPort);
        putUint32(packet, 4, verificationTag);
        int position = COMMON_HEADER_SIZE;
        for (Chunk chunk : chunks) {
            position += chunk.writeTo(packet, position);
        }
        SctpChecksum.write(packet, 0, packet.length);
        return packet;
    }
}
