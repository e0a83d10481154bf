package dev.switchyard.media;

/**
 * Answers one subscriber's NACKs (RFC 4585 §6.2.1): each lost packet it reports is retransmitted from its send
 * stream's history while the subscriber's {@link RetransmissionBudget} allows, and counted.
 */
public final class NackResponder {

    private final RetransmissionBudget budget;
    private final RetransmissionCounters counters;

    public NackResponder(RetransmissionBudget budget, RetransmissionCounters counters) {
        this.budget = budget;
        this.counters = counters;
    }

    /** Retransmits {@code lostSequence} of {@code stream}, if the budget allows. */
    public void onLost(SendStream stream, int lostSequence, long nowNanos) {
        counters.countRequested();
        if (!budget.mayRetransmit(nowNanos)) {
            counters.countThrottled();
            return;
        }
        SendStream.Retransmission outcome = stream.retransmit(lostSequence);
        counters.count(outcome);
        if (outcome == SendStream.Retransmission.SENT) {
            budget.charge(stream.lastRetransmissionLength(), nowNanos);
        }
    }
}
