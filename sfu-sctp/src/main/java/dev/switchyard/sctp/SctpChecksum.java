package dev.switchyard.sctp;

import java.util.zip.CRC32C;

/**
 * The SCTP packet checksum (RFC 9260 §6.8, Appendix A): CRC32c over the whole packet with the checksum field
 * taken as zero. The reference implementation in Appendix A leaves the CRC's bytes in the field least
 * significant byte first, which is what every implementation (and Wireshark) interoperates with, so the field
 * is read and written little-endian.
 */
final class SctpChecksum {

    /** Offset of the checksum field in the common header (RFC 9260 §3.1). */
    static final int OFFSET = 8;

    private static final byte[] ZERO_FIELD = new byte[4];

    private SctpChecksum() {
    }

    /** The CRC32c of {@code length} bytes of packet at {@code offset}, with its checksum field taken as zero. */
    static long compute(byte[] packet, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(packet, offset, OFFSET);
        crc.update(ZERO_FIELD, 0, ZERO_FIELD.length);
        int afterField = OFFSET + ZERO_FIELD.length;
        crc.update(packet, offset + afterField, length - afterField);
        return crc.getValue();
    }

    /** The checksum field as stored, least significant byte first. */
    static long read(byte[] packet, int offset) {
        int at = offset + OFFSET;
        return (packet[at] & 0xFFL) | (packet[at + 1] & 0xFFL) << 8 | (packet[at + 2] & 0xFFL) << 16
                | (packet[at + 3] & 0xFFL) << 24;
    }

    /** Computes the checksum of the packet and stores it in its checksum field. */
    static void write(byte[] packet, int offset, int length) {
        long checksum = compute(packet, offset, length);
        int at = offset + OFFSET;
        packet[at] = (byte) checksum;
        packet[at + 1] = (byte) (checksum >>> 8);
        packet[at + 2] = (byte) (checksum >>> 16);
        packet[at + 3] = (byte) (checksum >>> 24);
    }
}
