package dev.switchyard.media;

import java.util.Arrays;

import dev.switchyard.buffer.PacketBuffer;
import dev.switchyard.rtcp.TransportWideFeedbackBuilder;
import dev.switchyard.rtp.SequenceNumberUnwrapper;

/**
 * Transport-wide congestion control feedback for one publisher connection
 * (draft-holmer-rmcat-transport-wide-cc-extensions-01): records when each packet with a transport-wide sequence
 * number arrived and, at most every {@code interval}, reports the arrivals since the previous report, so the
 * publisher's own estimator (Chromium's and Firefox's send-side bandwidth estimation) sees the path and raises
 * its rate. Packets that never arrived are reported as lost; one arriving after it was reported is not
 * reported again.
 *
 * <p>Feedback is produced on packet arrival, by the connection's receiving thread, so no timer and no lock are
 * needed: a publisher that stops sending has nothing to report. Allocates nothing per packet.
 */
public final class TransportFeedbackGenerator {

    /** Arrivals kept while waiting to be reported: far more than one interval's packets. */
    private static final int WINDOW = 4096;
    private static final long NOT_RECEIVED = Long.MIN_VALUE;

    private final long senderSsrc;
    private final long intervalNanos;
    private final long[] arrivalMicros = new long[WINDOW];
    private final SequenceNumberUnwrapper sequences = new SequenceNumberUnwrapper();
    private final TransportWideFeedbackBuilder builder = new TransportWideFeedbackBuilder();
    private boolean started;
    /** The first extended sequence number not reported yet. */
    private long nextToReport;
    private long highestReceived;
    private long lastFeedbackNanos;
    private int feedbackCount;
    private long mediaSsrc;

    /**
     * @param senderSsrc the SSRC the server sends its RTCP with
     * @param intervalNanos time between two feedback packets (libwebrtc's default is 100 ms)
     */
    public TransportFeedbackGenerator(long senderSsrc, long intervalNanos) {
        this.senderSsrc = senderSsrc;
        this.intervalNanos = intervalNanos;
        Arrays.fill(arrivalMicros, NOT_RECEIVED);
    }

    /** Records a packet's arrival; {@code mediaSsrc} names a stream of the transport in the feedback header. */
    public void onPacket(int transportSequence, long mediaSsrc, long arrivalNanos) {
        long extended = sequences.unwrap(transportSequence);
        if (!started) {
            started = true;
            nextToReport = extended;
            highestReceived = extended;
            lastFeedbackNanos = arrivalNanos;
        }
        if (extended < nextToReport || extended >= nextToReport + WINDOW) {
            // Already reported, or so far ahead that the window would wrap: nothing sensible to record.
            return;
        }
        arrivalMicros[(int) (extended & (WINDOW - 1))] = arrivalNanos / 1000;
        highestReceived = Math.max(highestReceived, extended);
        this.mediaSsrc = mediaSsrc;
    }

    /**
     * Writes a feedback packet into {@code into} if the interval has passed and there is something to report.
     *
     * @return true if {@code into} now holds a feedback packet to send
     */
    public boolean pollFeedback(long nowNanos, PacketBuffer into) {
        if (!started || nowNanos - lastFeedbackNanos < intervalNanos || highestReceived < nextToReport) {
            return false;
        }
        lastFeedbackNanos = nowNanos;
        builder.reset(senderSsrc, mediaSsrc, (int) nextToReport, feedbackCount);
        long sequence = nextToReport;
        for (; sequence <= highestReceived; sequence++) {
            int slot = (int) (sequence & (WINDOW - 1));
            long arrival = arrivalMicros[slot];
            if (arrival != NOT_RECEIVED) {
                if (!builder.addReceived((int) sequence, arrival)) {
                    // Too far apart for one packet: report up to here, the rest next time.
                    break;
                }
                arrivalMicros[slot] = NOT_RECEIVED;
            }
        }
        nextToReport = sequence;
        if (builder.isEmpty() || builder.length() > into.capacity() - PacketBuffer.MAX_SRTP_TRAILER) {
            return false;
        }
        into.setOffsetLength(0, builder.write(into.buffer(), 0));
        feedbackCount++;
        return true;
    }
}
