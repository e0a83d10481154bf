package dev.switchyard.transport.srtp;

import java.util.Arrays;

/**
 * The packet index state of one SSRC in one direction: the highest index protected or accepted, from which
 * the rollover counter of the next SRTP packet is estimated (RFC 3711 §3.3.1), and for receiving a replay
 * window of the last {@value #WINDOW} indices (§3.3.2; 64 is the minimum, WebRTC stacks use up to 1024 so
 * that reordered video survives). Not thread-safe.
 */
final class StreamState {

    static final int WINDOW = 1024;

    private static final int SEQUENCE_SPACE = 1 << 16;
    private static final int HALF_SEQUENCE_SPACE = 1 << 15;
    private static final int SRTCP_INDEX_MASK = 0x7FFF_FFFF;

    /** Bit {@code i % WINDOW} is set if index {@code i}, within the window below {@link #highest}, was accepted. */
    private final long[] seen = new long[WINDOW / Long.SIZE];
    private long highest = -1;

    /** Forgets everything, as for an SSRC never seen. */
    void reset() {
        Arrays.fill(seen, 0);
        highest = -1;
    }

    /**
     * The SRTP packet index of a packet with sequence number {@code sequence} (RFC 3711 Appendix A): the index
     * closest to the highest so far, with a ROC of 0 for the stream's first packet. An index that would need a
     * ROC of -1 (a packet from before the first one, across a wrap) is returned negative.
     */
    long rtpIndex(int sequence) {
        if (highest < 0) {
            return sequence;
        }
        long rolloverCounter = highest >>> 16;
        int highestSequence = (int) (highest & 0xFFFF);
        if (highestSequence < HALF_SEQUENCE_SPACE) {
            if (sequence - highestSequence > HALF_SEQUENCE_SPACE) {
                rolloverCounter--;
            }
        } else if (highestSequence - HALF_SEQUENCE_SPACE > sequence) {
            rolloverCounter++;
        }
        return rolloverCounter * SEQUENCE_SPACE + sequence;
    }

    /** The next SRTCP index to send: 0 first, then one more each time, modulo 2^31 (RFC 3711 §3.3.2). */
    int nextSrtcpIndex() {
        int index = (int) ((highest + 1) & SRTCP_INDEX_MASK);
        highest = index;
        return index;
    }

    /** RFC 3711 §3.3.2: true if the index was accepted before, is negative, or is older than the window. */
    boolean isReplay(long index) {
        if (index < 0) {
            return true;
        }
        if (highest < 0 || index > highest) {
            return false;
        }
        return highest - index >= WINDOW || (seen[word(index)] & bit(index)) != 0;
    }

    /** Records an authenticated (or, when sending, protected) index, advancing the window if it is newer. */
    void accept(long index) {
        if (index > highest) {
            if (highest < 0 || index - highest >= WINDOW) {
                Arrays.fill(seen, 0);
            } else {
                for (long skipped = highest + 1; skipped < index; skipped++) {
                    seen[word(skipped)] &= ~bit(skipped);
                }
            }
            highest = index;
        }
        seen[word(index)] |= bit(index);
    }

    private static int word(long index) {
        return (int) (index % WINDOW) >>> 6;
    }

    private static long bit(long index) {
        return 1L << index;
    }
}
