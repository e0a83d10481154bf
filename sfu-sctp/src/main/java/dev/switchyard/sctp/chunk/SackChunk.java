package dev.switchyard.sctp.chunk;

import java.util.ArrayList;
import java.util.List;

import dev.switchyard.sctp.SctpParseException;
import dev.switchyard.sctp.Unsigned;

import static dev.switchyard.sctp.BigEndian.getUint16;
import static dev.switchyard.sctp.BigEndian.getUint32;
import static dev.switchyard.sctp.BigEndian.putUint16;
import static dev.switchyard.sctp.BigEndian.putUint32;

/**
 * Selective Acknowledgement, SACK (RFC 9260 §3.3.4).
 *
 * @param cumulativeTsnAck         the last TSN received before the first gap, 32 bits unsigned
 * @param advertisedReceiverWindow a_rwnd in bytes, 32 bits unsigned
 * @param gapAckBlocks             received runs beyond the cumulative ack, unmodifiable
 * @param duplicateTsns            TSNs received more than once since the last SACK, each 32 bits unsigned,
 *                                 unmodifiable
 */
public record SackChunk(long cumulativeTsnAck, long advertisedReceiverWindow, List<GapAckBlock> gapAckBlocks,
                        List<Long> duplicateTsns) implements Chunk {

    public static final int TYPE = 3;

    /** Cumulative TSN ack, a_rwnd, number of gap ack blocks, number of duplicate TSNs. */
    private static final int FIXED_VALUE_SIZE = 12;

    public SackChunk {
        Unsigned.requireUint32("cumulative TSN ack", cumulativeTsnAck);
        Unsigned.requireUint32("advertised receiver window", advertisedReceiverWindow);
        gapAckBlocks = List.copyOf(gapAckBlocks);
        duplicateTsns = List.copyOf(duplicateTsns);
        for (long tsn : duplicateTsns) {
            Unsigned.requireUint32("duplicate TSN", tsn);
        }
        ChunkHeader.requireLength("SACK", length(gapAckBlocks.size(), duplicateTsns.size()));
    }

    private static int length(int gapAckBlocks, int duplicateTsns) {
        return ChunkHeader.SIZE + FIXED_VALUE_SIZE + 4 * gapAckBlocks + 4 * duplicateTsns;
    }

    @Override
    public int type() {
        return TYPE;
    }

    @Override
    public int serializedSize() {
        return length(gapAckBlocks.size(), duplicateTsns.size());
    }

    @Override
    public int writeTo(byte[] buffer, int offset) {
        int size = ChunkHeader.write(buffer, offset, TYPE, 0, length(gapAckBlocks.size(), duplicateTsns.size()));
        int position = offset + ChunkHeader.SIZE;
        putUint32(buffer, position, cumulativeTsnAck);
        putUint32(buffer, position + 4, advertisedReceiverWindow);
        putUint16(buffer, position + 8, gapAckBlocks.size());
        putUint16(buffer, position + 10, duplicateTsns.size());
        position += FIXED_VALUE_SIZE;
        for (GapAckBlock block : gapAckBlocks) {
            putUint16(buffer, position, block.start());
            putUint16(buffer, position + 2, block.end());
            position += 4;
        }
        for (long tsn : duplicateTsns) {
            putUint32(buffer, position, tsn);
            position += 4;
        }
        return size;
    }

    /** The value of a SACK: its length must match the two counts exactly. */
    static SackChunk parse(byte[] buffer, int offset, int length) throws SctpParseException {
        ChunkHeader.requireMinimumValueLength("SACK", length, FIXED_VALUE_SIZE);
        int blockCount = getUint16(buffer, offset + 8);
        int duplicateCount = getUint16(buffer, offset + 10);
        int expected = length(blockCount, duplicateCount) - ChunkHeader.SIZE;
        if (length != expected) { // the description is built for a bad chunk only: SACKs arrive per packet
            ChunkHeader.requireValueLength("SACK (" + blockCount + " gap ack blocks, " + duplicateCount
                    + " duplicate TSNs)", length, expected);
        }
        List<GapAckBlock> blocks = new ArrayList<>(blockCount);
        int position = offset + FIXED_VALUE_SIZE;
        for (int i = 0; i < blockCount; i++) {
            blocks.add(new GapAckBlock(getUint16(buffer, position), getUint16(buffer, position + 2)));
            position += 4;
        }
        List<Long> duplicates = new ArrayList<>(duplicateCount);
        for (int i = 0; i < duplicateCount; i++) {
            duplicates.add(getUint32(buffer, position));
            position += 4;
        }
        return new SackChunk(getUint32(buffer, offset), getUint32(buffer, offset + 4),
                blocks, duplicates);
    }
}
