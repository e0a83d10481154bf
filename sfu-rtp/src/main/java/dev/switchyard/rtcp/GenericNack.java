package dev.switchyard.rtcp;

import java.util.function.IntConsumer;

import static dev.switchyard.rtp.BigEndian.putUint16;
import static dev.switchyard.rtp.BigEndian.getUint16;

/**
 * Generic NACK (RFC 4585 §6.2.1): FCI entries of a packet ID (PID) and a bitmask of following lost packets
 * (BLP), where bit i set means PID + i + 1 was lost too.
 */
public final class GenericNack extends FeedbackPacket {

    public static final int FORMAT = 1;
    public static final int ENTRY_SIZE = 4;

    public GenericNack() {
        super(RtcpPacketType.TRANSPORT_FEEDBACK, FORMAT);
    }

    @Override
    boolean validateFci() {
        return entryCount() > 0;
    }

    public int entryCount() {
        return fciLength() / ENTRY_SIZE;
    }

    public int packetId(int index) {
        return getUint16(buffer, fciOffset() + index * ENTRY_SIZE);
    }

    public int lostBitmask(int index) {
        return getUint16(buffer, fciOffset() + index * ENTRY_SIZE + 2);
    }

    /** Number of sequence numbers reported lost, counting every PID and BLP bit. */
    public int lostCount() {
        int lost = 0;
        for (int i = 0; i < entryCount(); i++) {
            lost += 1 + Integer.bitCount(lostBitmask(i));
        }
        return lost;
    }

    /** Calls {@code consumer} with every lost sequence number, in packet order. */
    public void forEachLost(IntConsumer consumer) {
        for (int i = 0; i < entryCount(); i++) {
            int pid = packetId(i);
            consumer.accept(pid);
            for (int bits = lostBitmask(i); bits != 0; bits &= bits - 1) {
                consumer.accept((pid + Integer.numberOfTrailingZeros(bits) + 1) & 0xFFFF);
            }
        }
    }

    /** Length of the NACK that {@link #write} produces for these sequence numbers. */
    public static int length(int[] lost, int count) {
        return FIXED_SIZE + pack(lost, count, null, 0) * ENTRY_SIZE;
    }

    /**
     * Writes a NACK covering the first {@code count} lost sequence numbers and returns its length. Each number
     * either falls in the 16 after the current PID, setting a BLP bit, or starts a new entry; so the input is
     * best given in RTP sequence order, but any order is reported correctly.
     *
     * @throws IllegalArgumentException if count is not positive or the destination is too small
     */
    public static int write(byte[] destination, int offset, long senderSsrc, long mediaSsrc, int[] lost, int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("a NACK needs at least one lost sequence number");
        }
        int length = length(lost, count);
        writeHeader(destination, offset, false, FORMAT, RtcpPacketType.TRANSPORT_FEEDBACK, length, senderSsrc,
                mediaSsrc);
        pack(lost, count, destination, offset + FIXED_SIZE);
        return length;
    }

    /** Groups sequence numbers into PID/BLP entries, writing them when {@code destination} is not null. */
    private static int pack(int[] lost, int count, byte[] destination, int position) {
        int entries = 0;
        int pid = 0;
        int blp = 0;
        for (int i = 0; i < count; i++) {
            int sequence = lost[i] & 0xFFFF;
            if (entries > 0) {
                int distance = (sequence - pid) & 0xFFFF;
                if (distance <= 16) {
                    blp |= distance == 0 ? 0 : 1 << (distance - 1);
                    continue;
                }
                writeEntry(destination, position + (entries - 1) * ENTRY_SIZE, pid, blp);
            }
            entries++;
            pid = sequence;
            blp = 0;
        }
        if (entries > 0) {
            writeEntry(destination, position + (entries - 1) * ENTRY_SIZE, pid, blp);
        }
        return entries;
    }

    private static void writeEntry(byte[] destination, int position, int pid, int blp) {
        if (destination != null) {
            putUint16(destination, position, pid);
            putUint16(destination, position + 2, blp);
        }
    }
}
