package dev.switchyard.sctp.association;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.switchyard.sctp.chunk.OutgoingResetRequest;
import dev.switchyard.sctp.chunk.ReconfigResponse;

/**
 * Stream resets (RFC 6525) as data channels use them to close (RFC 8831 §6.7): this end's requests to reset its
 * outgoing streams, one request in flight at a time, and the peer's request that must wait until every TSN it
 * names has arrived.
 */
final class StreamResets {

    /** Streams to reset, not yet in a request. */
    private final Set<Integer> queued = new LinkedHashSet<>();
    private OutgoingResetRequest inFlight;
    private long nextRequestSequence;
    /** The peer's request waiting for its last TSN, and the sequence number of the last one performed. */
    private OutgoingResetRequest deferredIncoming;
    private long lastIncomingPerformed = -1;
    private ReconfigResponse lastIncomingResponse;

    StreamResets(long localInitialTsn) {
        // RFC 6525 §4.1: the first request's sequence number is the Initial TSN.
        this.nextRequestSequence = localInitialTsn;
    }

    void queue(int streamId) {
        queued.add(streamId);
    }

    /** A reset of this outgoing stream is queued or in flight: new messages on it must wait (RFC 6525 §5.1.2). */
    boolean isResetting(int streamId) {
        return queued.contains(streamId) || inFlight != null && inFlight.streamIds().contains(streamId);
    }

    boolean hasQueued() {
        return !queued.isEmpty();
    }

    List<Integer> queuedStreams() {
        return List.copyOf(queued);
    }

    OutgoingResetRequest inFlight() {
        return inFlight;
    }

    /** Takes the queued streams into a new request; {@code responseSequence} answers the peer's last request. */
    OutgoingResetRequest startRequest(long senderLastTsn) {
        inFlight = new OutgoingResetRequest(nextRequestSequence, lastIncomingPerformed < 0 ? 0 : lastIncomingPerformed,
                senderLastTsn, new ArrayList<>(queued));
        nextRequestSequence = (nextRequestSequence + 1) & 0xFFFFFFFFL;
        queued.clear();
        return inFlight;
    }

    /**
     * The peer answered: returns the request it settled (performed or refused; the caller tells them apart by
     * {@code response.result()}), or null if there is nothing to do yet (another request's answer, or "in
     * progress": the request goes again when its timer fires).
     */
    OutgoingResetRequest onResponse(ReconfigResponse response) {
        if (inFlight == null || response.responseSequence() != inFlight.requestSequence()
                || response.result() == ReconfigResponse.ERROR_IN_PROGRESS) {
            return null;
        }
        OutgoingResetRequest settled = inFlight;
        inFlight = null;
        return settled;
    }

    /** Whether {@code request} was already performed (a retransmission), whose answer is then repeated. */
    ReconfigResponse repeatedResponse(OutgoingResetRequest request) {
        return request.requestSequence() == lastIncomingPerformed ? lastIncomingResponse : null;
    }

    void defer(OutgoingResetRequest request) {
        deferredIncoming = request;
    }

    OutgoingResetRequest deferred() {
        return deferredIncoming;
    }

    ReconfigResponse performed(OutgoingResetRequest request) {
        if (deferredIncoming != null && deferredIncoming.requestSequence() == request.requestSequence()) {
            deferredIncoming = null;
        }
        lastIncomingPerformed = request.requestSequence();
        lastIncomingResponse = new ReconfigResponse(request.requestSequence(), ReconfigResponse.SUCCESS_PERFORMED);
        return lastIncomingResponse;
    }
}
