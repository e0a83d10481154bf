package dev.switchyard.rtcp;

import static dev.switchyard.rtp.BigEndian.getInt24;
import static dev.switchyard.rtp.BigEndian.getUint16;
import static dev.switchyard.rtcp.RtcpBytes.u8;

/**
 * Transport-wide congestion control feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1),
 * RTPFB FMT 15.
 *
 * <p>The FCI holds a base sequence number, a packet status count, a 24-bit reference time in 64 ms units, a
 * feedback packet counter, then packet status chunks (run-length, or status vectors of 1-bit or 2-bit
 * symbols) and finally one receive delta, in 250 µs ticks, per received packet: 1 unsigned byte for a "small
 * delta" symbol, 2 signed bytes for a "large or negative delta" symbol.
 *
 * <p>{@code wrap} validates every chunk and that all deltas are present; afterwards {@link #nextPacket()}
 * walks the reported packets in order without allocating. A status vector may describe more symbols than the
 * status count needs; the extra ones are ignored, as libwebrtc emits such chunks.
 */
public final class TransportWideFeedback extends FeedbackPacket {

    public static final int FORMAT = 15;

    /**
     * Packet status symbols (§3.1.1). The value 3 is reserved there (the draft's own examples use it for
     * "received without timestamp"); its meaning is unspecified, so packets using it are rejected.
     */
    public static final int NOT_RECEIVED = 0;
    public static final int RECEIVED_SMALL_DELTA = 1;
    public static final int RECEIVED_LARGE_DELTA = 2;
    private static final int RESERVED = 3;

    public static final long REFERENCE_TIME_UNIT_MICROS = 64_000;
    public static final long DELTA_UNIT_MICROS = 250;

    /** Base sequence number, status count, reference time and feedback packet count. */
    static final int FCI_FIXED_SIZE = 8;
    static final int RUN_LENGTH_CAPACITY = 0x1FFF;
    static final int ONE_BIT_CAPACITY = 14;
    static final int TWO_BIT_CAPACITY = 7;

    private int deltasStart;
    private int index;
    private int chunkPosition;
    private int chunk;
    private int chunkIndex;
    private int chunkLeft;
    private int deltaPosition;
    private int symbol;
    private int delta;
    private long arrivalTicks;

    public TransportWideFeedback() {
        super(RtcpPacketType.TRANSPORT_FEEDBACK, FORMAT);
    }

    @Override
    boolean validateFci() {
        if (fciLength() < FCI_FIXED_SIZE) {
            return false;
        }
        int position = fciOffset() + FCI_FIXED_SIZE;
        int deltaBytes = 0;
        for (int remaining = packetStatusCount(); remaining > 0; ) {
            if (position + 2 > contentEnd) {
                return false;
            }
            int word = getUint16(buffer, position);
            position += 2;
            int used = Math.min(chunkCapacity(word), remaining);
            for (int i = 0; i < used; i++) {
                int s = chunkSymbol(word, i);
                if (s == RESERVED) {
                    return false;
                }
                deltaBytes += deltaSize(s);
            }
            remaining -= used;
        }
        if (position + deltaBytes > contentEnd) {
            return false;
        }
        deltasStart = position;
        rewind();
        return true;
    }

    /** Number of packet statuses a chunk word describes (§3.1.3, §3.1.4). */
    static int chunkCapacity(int word) {
        if ((word & 0x8000) == 0) {
            return word & RUN_LENGTH_CAPACITY;
        }
        return (word & 0x4000) == 0 ? ONE_BIT_CAPACITY : TWO_BIT_CAPACITY;
    }

    /** Status symbol {@code i} of a chunk word; a 1-bit vector's "1" means received with a small delta. */
    static int chunkSymbol(int word, int i) {
        if ((word & 0x8000) == 0) {
            return word >>> 13 & 0x3;
        }
        if ((word & 0x4000) == 0) {
            return word >>> (13 - i) & 0x1;
        }
        return word >>> (12 - 2 * i) & 0x3;
    }

    /** Receive delta bytes that follow for a symbol, which happen to equal the symbol's value (§3.1.5). */
    static int deltaSize(int symbol) {
        return symbol;
    }

    public int baseSequenceNumber() {
        return getUint16(buffer, fciOffset());
    }

    public int packetStatusCount() {
        return getUint16(buffer, fciOffset() + 2);
    }

    /** Signed reference time in multiples of 64 ms, in the feedback sender's own time base. */
    public int referenceTime() {
        return getInt24(buffer, fciOffset() + 4);
    }

    public long referenceTimeMicros() {
        return referenceTime() * REFERENCE_TIME_UNIT_MICROS;
    }

    /** Counter of feedback packets sent, modulo 256, for detecting lost feedback. */
    public int feedbackPacketCount() {
        return u8(buffer, fciOffset() + 7);
    }

    /** Goes back to before the first reported packet. */
    public void rewind() {
        index = 0;
        chunkPosition = fciOffset() + FCI_FIXED_SIZE;
        chunkLeft = 0;
        deltaPosition = deltasStart;
        arrivalTicks = 0;
    }

    /** Advances to the next reported packet; false after {@link #packetStatusCount()} packets. */
    public boolean nextPacket() {
        if (index == packetStatusCount()) {
            return false;
        }
        while (chunkLeft == 0) {
            chunk = getUint16(buffer, chunkPosition);
            chunkPosition += 2;
            chunkIndex = 0;
            chunkLeft = chunkCapacity(chunk);
        }
        symbol = chunkSymbol(chunk, chunkIndex++);
        chunkLeft--;
        delta = switch (symbol) {
            case RECEIVED_SMALL_DELTA -> u8(buffer, deltaPosition);
            case RECEIVED_LARGE_DELTA -> (short) getUint16(buffer, deltaPosition);
            default -> 0;
        };
        deltaPosition += deltaSize(symbol);
        arrivalTicks += delta;
        index++;
        return true;
    }

    public int sequenceNumber() {
        return (baseSequenceNumber() + index - 1) & 0xFFFF;
    }

    /** {@link #NOT_RECEIVED}, {@link #RECEIVED_SMALL_DELTA} or {@link #RECEIVED_LARGE_DELTA}. */
    public int status() {
        return symbol;
    }

    public boolean isReceived() {
        return symbol != NOT_RECEIVED;
    }

    /** Receive delta from the previous received packet (or the reference time), in 250 µs ticks; 0 if lost. */
    public int deltaTicks() {
        return delta;
    }

    public long deltaMicros() {
        return delta * DELTA_UNIT_MICROS;
    }

    /** Arrival time of the current packet in the sender's time base; meaningful only if it was received. */
    public long arrivalTimeMicros() {
        return referenceTimeMicros() + arrivalTicks * DELTA_UNIT_MICROS;
    }
}
