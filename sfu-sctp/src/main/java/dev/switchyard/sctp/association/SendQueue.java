package dev.switchyard.sctp.association;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.switchyard.sctp.SctpPacket;
import dev.switchyard.sctp.chunk.DataChunk;
import dev.switchyard.sctp.chunk.ForwardTsnChunk;
import dev.switchyard.sctp.chunk.GapAckBlock;
import dev.switchyard.sctp.chunk.SackChunk;
import dev.switchyard.sctp.chunk.SkippedStream;

/**
 * The sending half of an association: messages waiting to be cut into DATA chunks, chunks in flight until the
 * peer's SACKs acknowledge them, retransmission (fast retransmit after three miss reports, RFC 9260 §7.2.4; all
 * of the flight after a timeout, §6.3.3), congestion control (slow start, congestion avoidance, fast recovery,
 * §7.2), the peer's receive window (§6.1) and partial reliability (abandoning, FORWARD TSN, RFC 3758 §3.5).
 */
final class SendQueue {

    private final int mtu;
    private final int maxFragment;
    private final RetransmissionTimeout rto;
    private final SerialNumberUnwrapper tsns;
    private long nextTsn;
    /** Every TSN up to this one was acknowledged cumulatively. */
    private long cumulativeAck;
    /** Up to this TSN everything was acknowledged or abandoned (RFC 3758 §3.5 "Advanced.Peer.Ack.Point"). */
    private long advancedPeerAckPoint;
    private boolean forwardTsnDue;
    private final ArrayDeque<OutgoingMessage> pending = new ArrayDeque<>();
    private final TreeMap<Long, SentChunk> sent = new TreeMap<>();
    private final Map<Integer, Integer> nextStreamSequence = new HashMap<>();
    private final Map<Integer, Long> bufferedByStream = new HashMap<>();
    private long buffered;
    private long congestionWindow;
    private long slowStartThreshold;
    private long partialBytesAcked;
    private long flightSize;
    private long peerWindow;
    private boolean fastRecovery;
    private long fastRecoveryExit;
    private long retransmissions;

    SendQueue(int mtu, long initialTsn, long peerWindow, RetransmissionTimeout rto) {
        this.mtu = mtu;
        // A fragment and its 16-byte DATA header fill a packet, the payload padded to four bytes.
        this.maxFragment = (mtu - SctpPacket.COMMON_HEADER_SIZE - DataChunk.HEADER_SIZE) & ~3;
        this.rto = rto;
        this.tsns = SerialNumberUnwrapper.forTsns(initialTsn);
        this.nextTsn = tsns.unwrap(initialTsn);
        this.cumulativeAck = nextTsn - 1;
        this.advancedPeerAckPoint = cumulativeAck;
        this.peerWindow = peerWindow;
        // RFC 9260 §7.2.1: min(4 * MTU, max(2 * MTU, 4380)); the threshold starts at the peer's window.
        this.congestionWindow = Math.min(4L * mtu, Math.max(2L * mtu, 4380));
        this.slowStartThreshold = peerWindow;
    }

    void enqueue(OutgoingMessage message) {
        pending.add(message);
        addBuffered(message.streamId, message.data.length);
    }

    /** Bytes handed to {@link #enqueue} and not yet acknowledged or abandoned, on {@code streamId}. */
    long bufferedAmount(int streamId) {
        return bufferedByStream.getOrDefault(streamId, 0L);
    }

    long bufferedAmount() {
        return buffered;
    }

    boolean hasUnsentMessages(int streamId) {
        for (OutgoingMessage message : pending) {
            if (message.streamId == streamId) {
                return true;
            }
        }
        return false;
    }

    /** Chunks wait for an acknowledgement: the retransmission timer must run. */
    boolean hasOutstanding() {
        return sent.values().stream().anyMatch(chunk -> !chunk.gapAcked && !chunk.message.abandoned)
                || forwardTsnDue;
    }

    boolean isIdle() {
        return pending.isEmpty() && sent.isEmpty();
    }

    /** The last TSN given to a chunk (what a stream reset request names, RFC 6525 §4.1). */
    long lastAssignedTsn() {
        return tsns.wrap(nextTsn - 1);
    }

    /** After an outgoing stream reset: the stream's sequence numbers start again at 0 (RFC 6525 §5.1.4). */
    void resetStreamSequence(int streamId) {
        nextStreamSequence.remove(streamId);
    }

    long retransmissions() {
        return retransmissions;
    }

    long congestionWindow() {
        return congestionWindow;
    }

    /**
     * Adds to {@code packets} what may go now: chunks due again first, then new fragments while the congestion
     * window and the peer's window allow, then a FORWARD TSN if the peer must skip abandoned messages.
     *
     * @return whether a DATA chunk was sent (the retransmission timer must then run)
     */
    boolean fill(OutgoingPackets packets, long peerTag, long nowNanos) {
        boolean sentData = false;
        long retransmitted = 0;
        for (SentChunk chunk : sent.values()) {
            if (!chunk.dueForRetransmission) {
                continue;
            }
            // The first packet of retransmissions goes even into a full window (after a timeout it is one MTU).
            if (flightSize >= congestionWindow && retransmitted >= packets.capacity()) {
                break;
            }
            if (shouldAbandon(chunk.message, chunk.transmissions - 1, nowNanos)) {
                abandon(chunk.message);
                continue;
            }
            chunk.dueForRetransmission = false;
            transmit(chunk, packets, peerTag, nowNanos);
            retransmissions++;
            retransmitted += chunk.size();
            sentData = true;
        }
        while (!pending.isEmpty() && flightSize < congestionWindow
                && (peerWindow >= Math.min(maxFragment, remaining(pending.peek())) || flightSize == 0)) {
            OutgoingMessage message = pending.peek();
            if (message.fragmented == 0 && shouldAbandon(message, 0, nowNanos)) {
                pending.poll();
                addBuffered(message.streamId, -message.data.length);
                continue;
            }
            SentChunk chunk = nextFragment(message);
            if (message.isFullyFragmented()) {
                pending.poll();
            }
            sent.put(chunk.tsn, chunk);
            transmit(chunk, packets, peerTag, nowNanos);
            sentData = true;
        }
        if (forwardTsnDue) {
            packets.add(peerTag, forwardTsn());
            forwardTsnDue = false;
        }
        return sentData;
    }

    private static int remaining(OutgoingMessage message) {
        return message.data.length - message.fragmented;
    }

    private SentChunk nextFragment(OutgoingMessage message) {
        if (message.streamSequence < 0) {
            message.streamSequence = message.ordered ? takeStreamSequence(message.streamId) : 0;
        }
        int length = Math.min(maxFragment, remaining(message));
        // A message that fits one chunk goes as it is (Association.send: the caller leaves the array alone).
        byte[] payload = length == message.data.length ? message.data
                : Arrays.copyOfRange(message.data, message.fragmented, message.fragmented + length);
        boolean beginning = message.fragmented == 0;
        message.fragmented += length;
        long tsn = nextTsn++;
        DataChunk chunk = new DataChunk(tsns.wrap(tsn), message.streamId, message.streamSequence,
                message.payloadProtocolId, !message.ordered, beginning, message.isFullyFragmented(), false, payload);
        return new SentChunk(tsn, chunk, message);
    }

    private int takeStreamSequence(int streamId) {
        int sequence = nextStreamSequence.getOrDefault(streamId, 0);
        nextStreamSequence.put(streamId, (sequence + 1) & 0xFFFF);
        return sequence;
    }

    private void transmit(SentChunk chunk, OutgoingPackets packets, long peerTag, long nowNanos) {
        chunk.transmissions++;
        chunk.sentAtNanos = nowNanos;
        chunk.missingReports = 0;
        chunk.inFlight = true;
        flightSize += chunk.size();
        peerWindow = Math.max(0, peerWindow - chunk.size());
        packets.add(peerTag, chunk.chunk);
    }

    private static boolean shouldAbandon(OutgoingMessage message, int retransmissionsSoFar, long nowNanos) {
        if (message.abandoned) {
            return true;
        }
        boolean tooManyRetransmissions = message.maxRetransmits >= 0 && retransmissionsSoFar > message.maxRetransmits;
        return tooManyRetransmissions || nowNanos - message.expiresAtNanos > 0;
    }

    /** Gives up on {@code message} (RFC 3758 §3.5): nothing of it is sent again; the peer is told to skip it. */
    private void abandon(OutgoingMessage message) {
        message.abandoned = true;
        for (SentChunk chunk : sent.values()) {
            if (chunk.message == message) {
                leaveFlight(chunk);
                chunk.dueForRetransmission = false;
                // Its bytes leave the buffered amount now; the acknowledgement that removes it later skips it.
                addBuffered(message.streamId, -chunk.size());
            }
        }
        if (!message.isFullyFragmented()) {
            pending.remove(message);
            addBuffered(message.streamId, -remaining(message));
            message.fragmented = message.data.length;
        }
        advanceAckPoint();
    }

    private void leaveFlight(SentChunk chunk) {
        if (chunk.inFlight) {
            chunk.inFlight = false;
            flightSize -= chunk.size();
        }
    }

    /** The peer's SACK (RFC 9260 §6.2.1); returns whether it acknowledged anything new. */
    boolean onSack(SackChunk sack, long nowNanos) {
        long cumulative = tsns.peek(sack.cumulativeTsnAck());
        if (cumulative < cumulativeAck || cumulative >= nextTsn) {
            // An old SACK overtaken by a newer one, or one acknowledging what was never sent: ignored (§6.2.1 D).
            return false;
        }
        boolean advanced = cumulative > cumulativeAck;
        long bytesAcked = 0;
        long roundTrip = -1;
        Iterator<SentChunk> acked = sent.headMap(cumulative, true).values().iterator();
        while (acked.hasNext()) {
            SentChunk chunk = acked.next();
            leaveFlight(chunk);
            if (!chunk.gapAcked && !chunk.message.abandoned) {
                bytesAcked += chunk.size();
                if (chunk.transmissions == 1) {
                    roundTrip = nowNanos - chunk.sentAtNanos;
                }
            }
            if (!chunk.message.abandoned) {
                addBuffered(chunk.message.streamId, -chunk.size());
            }
            acked.remove();
        }
        cumulativeAck = cumulative;
        long highestNewlyAcked = -1;
        for (GapAckBlock block : sack.gapAckBlocks()) {
            for (long tsn = cumulative + block.start(); tsn <= cumulative + block.end(); tsn++) {
                SentChunk chunk = sent.get(tsn);
                if (chunk == null || chunk.gapAcked) {
                    continue;
                }
                chunk.gapAcked = true;
                chunk.dueForRetransmission = false;
                leaveFlight(chunk);
                if (!chunk.message.abandoned) {
                    bytesAcked += chunk.size();
                }
                if (chunk.transmissions == 1) {
                    roundTrip = nowNanos - chunk.sentAtNanos;
                }
                highestNewlyAcked = Math.max(highestNewlyAcked, tsn);
            }
        }
        if (highestNewlyAcked >= 0) {
            countMissing(highestNewlyAcked);
        }
        if (roundTrip >= 0) {
            rto.onRoundTrip(roundTrip);
        }
        if (fastRecovery && cumulativeAck >= fastRecoveryExit) {
            fastRecovery = false;
        }
        if (advanced && !fastRecovery) {
            growCongestionWindow(bytesAcked);
        }
        peerWindow = Math.max(0, sack.advertisedReceiverWindow() - flightSize);
        advanceAckPoint();
        return advanced || bytesAcked > 0;
    }

    /** HTNA (RFC 9260 §7.2.4): chunks below the highest newly acknowledged TSN were missed once more. */
    private void countMissing(long highestNewlyAcked) {
        for (SentChunk chunk : sent.headMap(highestNewlyAcked, false).values()) {
            if (chunk.gapAcked || chunk.message.abandoned || chunk.dueForRetransmission) {
                continue;
            }
            if (++chunk.missingReports < 3) {
                continue;
            }
            chunk.missingReports = 0;
            chunk.dueForRetransmission = true;
            leaveFlight(chunk);
            if (!fastRecovery) {
                fastRecovery = true;
                fastRecoveryExit = nextTsn - 1;
                slowStartThreshold = Math.max(congestionWindow / 2, 4L * mtu);
                congestionWindow = slowStartThreshold;
                partialBytesAcked = 0;
            }
        }
    }

    private void growCongestionWindow(long bytesAcked) {
        if (congestionWindow <= slowStartThreshold) {
            congestionWindow += Math.min(bytesAcked, mtu);
            return;
        }
        partialBytesAcked += bytesAcked;
        if (partialBytesAcked >= congestionWindow) {
            partialBytesAcked -= congestionWindow;
            congestionWindow += mtu;
        }
    }

    /** The retransmission timer expired (RFC 9260 §6.3.3): everything unacknowledged goes again, one MTU first. */
    void onRetransmissionTimeout() {
        rto.backOff();
        slowStartThreshold = Math.max(congestionWindow / 2, 4L * mtu);
        congestionWindow = mtu;
        partialBytesAcked = 0;
        fastRecovery = false;
        for (SentChunk chunk : sent.values()) {
            if (!chunk.gapAcked && !chunk.message.abandoned) {
                leaveFlight(chunk);
                chunk.dueForRetransmission = true;
            }
        }
        if (advancedPeerAckPoint > cumulativeAck) {
            forwardTsnDue = true;
        }
    }

    private void advanceAckPoint() {
        advancedPeerAckPoint = Math.max(advancedPeerAckPoint, cumulativeAck);
        SentChunk next;
        while ((next = sent.get(advancedPeerAckPoint + 1)) != null && next.message.abandoned) {
            advancedPeerAckPoint++;
        }
        if (advancedPeerAckPoint > cumulativeAck) {
            forwardTsnDue = true;
        }
    }

    /** RFC 3758 §3.2: the new cumulative TSN and, per ordered stream, the last sequence number skipped. */
    private ForwardTsnChunk forwardTsn() {
        Map<Integer, Integer> lastSkipped = new HashMap<>();
        for (SentChunk chunk : sent.headMap(advancedPeerAckPoint, true).values()) {
            if (chunk.message.abandoned && chunk.message.ordered) {
                lastSkipped.put(chunk.message.streamId, chunk.message.streamSequence);
            }
        }
        List<SkippedStream> streams = new ArrayList<>();
        lastSkipped.forEach((stream, sequence) -> streams.add(new SkippedStream(stream, sequence)));
        return new ForwardTsnChunk(tsns.wrap(advancedPeerAckPoint), streams);
    }

    private void addBuffered(int streamId, long bytes) {
        buffered += bytes;
        bufferedByStream.merge(streamId, bytes, Long::sum);
        if (bufferedByStream.get(streamId) <= 0) {
            bufferedByStream.remove(streamId);
        }
    }
}
