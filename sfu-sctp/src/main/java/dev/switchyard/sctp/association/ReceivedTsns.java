package dev.switchyard.sctp.association;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

import dev.switchyard.sctp.chunk.GapAckBlock;
import dev.switchyard.sctp.chunk.SackChunk;

/**
 * Which TSNs arrived: the cumulative TSN (every TSN up to it arrived), those above it, and duplicates since the
 * last SACK; makes the SACK that reports them (RFC 9260 §6.2, §3.3.4).
 */
final class ReceivedTsns {

    /** A SACK lists at most this many gap blocks and duplicates, so that it fits one packet with room to spare. */
    private static final int MAX_GAP_BLOCKS = 64;
    private static final int MAX_DUPLICATES = 32;

    private final SerialNumberUnwrapper tsns;
    private long cumulative;
    private final TreeSet<Long> aboveCumulative = new TreeSet<>();
    private final List<Long> duplicates = new ArrayList<>();

    /** @param peerInitialTsn the Initial TSN of the peer's INIT or INIT ACK: the first TSN it will send */
    ReceivedTsns(long peerInitialTsn) {
        tsns = SerialNumberUnwrapper.forTsns(peerInitialTsn);
        cumulative = tsns.unwrap(peerInitialTsn) - 1;
    }

    long unwrap(long tsn) {
        return tsns.unwrap(tsn);
    }

    /** Records {@code tsn} (unwrapped); false if it had arrived before (a duplicate, reported in the next SACK). */
    boolean receive(long tsn) {
        if (tsn <= cumulative || !aboveCumulative.add(tsn)) {
            if (duplicates.size() < MAX_DUPLICATES) {
                duplicates.add(tsns.wrap(tsn));
            }
            return false;
        }
        advance();
        return true;
    }

    boolean isNew(long tsn) {
        return tsn > cumulative && !aboveCumulative.contains(tsn);
    }

    /** A FORWARD TSN (RFC 3758 §3.6): the peer gave up on everything up to {@code newCumulative}. */
    void forwardTo(long newCumulative) {
        if (newCumulative <= cumulative) {
            return;
        }
        cumulative = newCumulative;
        aboveCumulative.headSet(newCumulative, true).clear();
        advance();
    }

    private void advance() {
        while (!aboveCumulative.isEmpty() && aboveCumulative.first() == cumulative + 1) {
            cumulative = aboveCumulative.pollFirst();
        }
    }

    long cumulative() {
        return cumulative;
    }

    /** The cumulative TSN as the wire carries it (SACK, SHUTDOWN). */
    long wrapCumulative() {
        return tsns.wrap(cumulative);
    }

    /** Something is missing: the peer should hear of it at once (§6.7). */
    boolean hasGaps() {
        return !aboveCumulative.isEmpty();
    }

    boolean hasDuplicates() {
        return !duplicates.isEmpty();
    }

    /** The SACK for now; forgets the duplicates it reports. */
    SackChunk sack(long advertisedWindow) {
        List<GapAckBlock> blocks = new ArrayList<>();
        Iterator<Long> above = aboveCumulative.iterator();
        long start = -1;
        long end = -1;
        while (above.hasNext() && blocks.size() < MAX_GAP_BLOCKS) {
            long tsn = above.next();
            if (start >= 0 && tsn == end + 1) {
                end = tsn;
                continue;
            }
            if (start >= 0) {
                blocks.add(block(start, end));
            }
            start = tsn;
            end = tsn;
        }
        if (start >= 0 && blocks.size() < MAX_GAP_BLOCKS) {
            blocks.add(block(start, end));
        }
        SackChunk sack = new SackChunk(wrapCumulative(), advertisedWindow, blocks, List.copyOf(duplicates));
        duplicates.clear();
        return sack;
    }

    private GapAckBlock block(long start, long end) {
        // Offsets from the cumulative TSN fit 16 bits: the receive window keeps the span far smaller.
        return new GapAckBlock((int) Math.min(0xFFFF, start - cumulative), (int) Math.min(0xFFFF, end - cumulative));
    }
}
