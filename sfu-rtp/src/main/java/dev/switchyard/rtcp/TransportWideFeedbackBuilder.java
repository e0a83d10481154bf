package dev.switchyard.rtcp;

import java.util.Arrays;

import static dev.switchyard.rtp.BigEndian.putUint16;
import static dev.switchyard.rtp.BigEndian.putUint24;
import static dev.switchyard.rtcp.RtcpBytes.put8;
import static dev.switchyard.rtcp.TransportWideFeedback.NOT_RECEIVED;
import static dev.switchyard.rtcp.TransportWideFeedback.ONE_BIT_CAPACITY;
import static dev.switchyard.rtcp.TransportWideFeedback.RECEIVED_LARGE_DELTA;
import static dev.switchyard.rtcp.TransportWideFeedback.RECEIVED_SMALL_DELTA;
import static dev.switchyard.rtcp.TransportWideFeedback.RUN_LENGTH_CAPACITY;
import static dev.switchyard.rtcp.TransportWideFeedback.TWO_BIT_CAPACITY;

/**
 * Builds one transport-wide congestion control feedback packet from arrival times
 * (draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1). Reusable: {@link #reset} then
 * {@link #addReceived} for each received packet in sequence order; sequence numbers skipped are reported as
 * not received. Internal arrays grow on demand and are kept, so steady-state use does not allocate.
 *
 * <p>Arrival times are truncated to 250 µs ticks on an absolute grid, so rounding never accumulates. The
 * reference time is the first arrival rounded down to 64 ms, written modulo 2^24 as the draft allows.
 */
public final class TransportWideFeedbackBuilder {

    private static final int MAX_STATUS_COUNT = 0xFFFF;
    private static final long TICKS_PER_REFERENCE_UNIT =
            TransportWideFeedback.REFERENCE_TIME_UNIT_MICROS / TransportWideFeedback.DELTA_UNIT_MICROS;

    private long senderSsrc;
    private long mediaSsrc;
    private int baseSequenceNumber;
    private int feedbackPacketCount;
    private long referenceTime;
    private long lastTicks;

    private byte[] symbols = new byte[64];
    private int statusCount;
    private short[] deltas = new short[64];
    private int deltaCount;
    private int deltaBytes;
    private int[] chunks = new int[16];

    /** Starts a new packet whose first reported sequence number is {@code baseSequenceNumber}. */
    public TransportWideFeedbackBuilder reset(long senderSsrc, long mediaSsrc, int baseSequenceNumber,
            int feedbackPacketCount) {
        this.senderSsrc = senderSsrc;
        this.mediaSsrc = mediaSsrc;
        this.baseSequenceNumber = baseSequenceNumber & 0xFFFF;
        this.feedbackPacketCount = feedbackPacketCount & 0xFF;
        this.statusCount = 0;
        this.deltaCount = 0;
        this.deltaBytes = 0;
        return this;
    }

    /**
     * Records that {@code sequenceNumber} arrived at {@code arrivalTimeMicros} (any monotonic clock).
     *
     * @return false, leaving the builder unchanged, if the sequence number is not after the last one added
     *         (modulo 2^16), the packet would exceed 65535 statuses, or the delta from the previous arrival
     *         does not fit the 16-bit signed delta field (about ±8.19 s); the caller then sends what it has
     *         and starts a new packet
     */
    public boolean addReceived(int sequenceNumber, long arrivalTimeMicros) {
        int gap = (sequenceNumber - baseSequenceNumber - statusCount) & 0xFFFF;
        if (gap >= 0x8000 || statusCount + gap + 1 > MAX_STATUS_COUNT) {
            return false;
        }
        long ticks = Math.floorDiv(arrivalTimeMicros, TransportWideFeedback.DELTA_UNIT_MICROS);
        long reference = deltaCount == 0
                ? Math.floorDiv(arrivalTimeMicros, TransportWideFeedback.REFERENCE_TIME_UNIT_MICROS)
                : referenceTime;
        long delta = ticks - (deltaCount == 0 ? reference * TICKS_PER_REFERENCE_UNIT : lastTicks);
        if (delta < Short.MIN_VALUE || delta > Short.MAX_VALUE) {
            return false;
        }
        referenceTime = reference;
        lastTicks = ticks;
        int total = statusCount + gap + 1;
        if (total > symbols.length) {
            symbols = Arrays.copyOf(symbols, Math.max(total, symbols.length * 2));
        }
        Arrays.fill(symbols, statusCount, total - 1, (byte) NOT_RECEIVED);
        int symbol = delta >= 0 && delta <= 0xFF ? RECEIVED_SMALL_DELTA : RECEIVED_LARGE_DELTA;
        symbols[total - 1] = (byte) symbol;
        statusCount = total;
        if (deltaCount == deltas.length) {
            deltas = Arrays.copyOf(deltas, deltas.length * 2);
        }
        deltas[deltaCount++] = (short) delta;
        deltaBytes += TransportWideFeedback.deltaSize(symbol);
        return true;
    }

    /** Number of packets (received or not) the packet will report. */
    public int packetStatusCount() {
        return statusCount;
    }

    /** True until a received packet has been added; an empty builder cannot be written. */
    public boolean isEmpty() {
        return deltaCount == 0;
    }

    /** Length in bytes of the packet {@link #write} would produce, including padding. */
    public int length() {
        return (unpaddedLength(encodeChunks()) + 3) & ~3;
    }

    /**
     * Writes the packet and returns its length. Like libwebrtc, it pads to a 32-bit boundary with the RTCP
     * padding bit (RFC 3550 §6.4.1).
     *
     * @throws IllegalStateException if no received packet was added
     * @throws IllegalArgumentException if the destination is too small
     */
    public int write(byte[] destination, int offset) {
        if (isEmpty()) {
            throw new IllegalStateException("no received packet added since reset");
        }
        int chunkCount = encodeChunks();
        int unpadded = unpaddedLength(chunkCount);
        int length = (unpadded + 3) & ~3;
        int padding = length - unpadded;
        FeedbackPacket.writeHeader(destination, offset, padding > 0, TransportWideFeedback.FORMAT,
                RtcpPacketType.TRANSPORT_FEEDBACK, length, senderSsrc, mediaSsrc);
        int position = offset + FeedbackPacket.FIXED_SIZE;
        putUint16(destination, position, baseSequenceNumber);
        putUint16(destination, position + 2, statusCount);
        putUint24(destination, position + 4, (int) referenceTime);
        put8(destination, position + 7, feedbackPacketCount);
        position += TransportWideFeedback.FCI_FIXED_SIZE;
        for (int i = 0; i < chunkCount; i++, position += 2) {
            putUint16(destination, position, chunks[i]);
        }
        for (int i = 0; i < deltaCount; i++) {
            int delta = deltas[i];
            if (delta >= 0 && delta <= 0xFF) {
                put8(destination, position++, delta);
            } else {
                putUint16(destination, position, delta);
                position += 2;
            }
        }
        if (padding > 0) {
            Arrays.fill(destination, position, offset + length - 1, (byte) 0);
            destination[offset + length - 1] = (byte) padding;
        }
        return length;
    }

    private int unpaddedLength(int chunkCount) {
        return FeedbackPacket.FIXED_SIZE + TransportWideFeedback.FCI_FIXED_SIZE + 2 * chunkCount + deltaBytes;
    }

    /**
     * Greedily covers the symbols with as few chunks as it readily can: a run-length chunk for runs that no
     * vector could beat (at least 14 equal symbols, or all that remain), a 14-symbol 1-bit vector when no
     * large delta is near, otherwise a run-length chunk for runs of 7 or more or a 7-symbol 2-bit vector.
     * Vector slots past the last status are left "not received"; readers ignore them.
     */
    private int encodeChunks() {
        int count = 0;
        for (int i = 0; i < statusCount; ) {
            if (count == chunks.length) {
                chunks = Arrays.copyOf(chunks, count * 2);
            }
            int run = runLength(i);
            int oneBitSpan = Math.min(ONE_BIT_CAPACITY, statusCount - i);
            if (run >= ONE_BIT_CAPACITY || run == statusCount - i) {
                chunks[count++] = runLengthChunk(symbols[i], run);
                i += run;
            } else if (!containsLargeDelta(i, oneBitSpan)) {
                chunks[count++] = vectorChunk(i, oneBitSpan, 1);
                i += oneBitSpan;
            } else if (run >= TWO_BIT_CAPACITY) {
                chunks[count++] = runLengthChunk(symbols[i], run);
                i += run;
            } else {
                int span = Math.min(TWO_BIT_CAPACITY, statusCount - i);
                chunks[count++] = vectorChunk(i, span, 2);
                i += span;
            }
        }
        return count;
    }

    private int runLength(int from) {
        int limit = Math.min(statusCount, from + RUN_LENGTH_CAPACITY);
        int end = from + 1;
        while (end < limit && symbols[end] == symbols[from]) {
            end++;
        }
        return end - from;
    }

    private boolean containsLargeDelta(int from, int span) {
        for (int i = from; i < from + span; i++) {
            if (symbols[i] == RECEIVED_LARGE_DELTA) {
                return true;
            }
        }
        return false;
    }

    /** §3.1.3: T=0, two symbol bits, 13-bit run length. */
    private static int runLengthChunk(int symbol, int run) {
        return symbol << 13 | run;
    }

    /** §3.1.4: T=1, S=0 for 14 one-bit symbols or S=1 for 7 two-bit symbols, first symbol most significant. */
    private int vectorChunk(int from, int span, int bitsPerSymbol) {
        int capacity = bitsPerSymbol == 1 ? ONE_BIT_CAPACITY : TWO_BIT_CAPACITY;
        int word = 0x8000 | (bitsPerSymbol == 2 ? 0x4000 : 0);
        for (int i = 0; i < span; i++) {
            word |= symbols[from + i] << (bitsPerSymbol * (capacity - 1 - i));
        }
        return word;
    }
}
