package dev.switchyard.media;

import dev.switchyard.rtcp.ReportBlock;
import dev.switchyard.rtp.SequenceNumberUnwrapper;

/**
 * What the server knows about one RTP stream it receives (one SSRC of a publisher): extended sequence numbers,
 * loss and interarrival jitter as RFC 3550 §6.4.1 and appendix A define them, when the last sender report came,
 * and the cache of recent packets that retransmissions are served from.
 *
 * <p>Owned by the thread that receives the stream; {@link #report} is called on it too. Allocates nothing per
 * packet.
 */
public final class ReceiveStream {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** RFC 3550 §6.4.1: cumulative loss is a signed 24-bit field. */
    private static final int MAX_CUMULATIVE_LOST = 0x7F_FFFF;
    private static final int MIN_CUMULATIVE_LOST = -0x80_0000;

    private final long ssrc;
    private final int clockRate;
    private final PacketCache cache;
    private final SequenceNumberUnwrapper sequences = new SequenceNumberUnwrapper();
    private boolean started;
    private long baseSequence;
    private long highestSequence;
    private long packetsReceived;
    private long bytesReceived;
    private long expectedAtLastReport;
    private long receivedAtLastReport;
    private long firstArrivalNanos;
    private long lastArrivalNanos;
    /** RFC 3550 §A.8: the jitter estimate times 16, so that the integer filter keeps its precision. */
    private long scaledJitter;
    private int lastTransit;
    private boolean senderReportReceived;
    private long lastSenderReportNtpMiddle;
    private long lastSenderReportArrivalNanos;
    /** The publisher's last NTP/RTP pair, for the sender reports sent to subscribers; read by other threads. */
    private volatile TimestampMapping timestampMapping;

    /** An RTP timestamp of this stream and the server's monotonic time it corresponds to. */
    private record TimestampMapping(long rtpTimestamp, long atNanos) {
    }

    /**
     * @param clockRate the RTP clock rate of the stream's codec, for jitter in timestamp units
     * @param cache where received packets are kept for retransmission, or null to keep none
     */
    public ReceiveStream(long ssrc, int clockRate, PacketCache cache) {
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clockRate must be positive: " + clockRate);
        }
        this.ssrc = ssrc;
        this.clockRate = clockRate;
        this.cache = cache;
    }

    public long ssrc() {
        return ssrc;
    }

    /**
     * Accounts for one received packet (after SRTP authentication).
     *
     * @param length the packet's length in bytes
     * @return the packet's extended sequence number
     */
    public long onPacket(int sequenceNumber, long timestamp, long arrivalNanos, int length) {
        long extended = sequences.unwrap(sequenceNumber);
        if (!started) {
            started = true;
            baseSequence = extended;
            highestSequence = extended;
            firstArrivalNanos = arrivalNanos;
            lastTransit = transit(timestamp, arrivalNanos);
        } else if (extended > highestSequence) {
            highestSequence = extended;
            updateJitter(timestamp, arrivalNanos);
        } else if (extended < baseSequence) {
            // A packet older than the first one: the stream started earlier than we saw (RFC 3550 §A.3).
            baseSequence = extended;
        }
        packetsReceived++;
        bytesReceived += length;
        lastArrivalNanos = arrivalNanos;
        return extended;
    }

    /** RFC 3550 §A.8, on in-order packets only: a retransmission's arrival says nothing about the network. */
    private void updateJitter(long timestamp, long arrivalNanos) {
        int transit = transit(timestamp, arrivalNanos);
        int difference = Math.abs(transit - lastTransit);
        lastTransit = transit;
        scaledJitter += difference - ((scaledJitter + 8) >> 4);
    }

    /** Arrival minus RTP timestamp, in timestamp units, modulo 2^32 (only differences matter). */
    private int transit(long timestamp, long arrivalNanos) {
        long elapsedMicros = (arrivalNanos - firstArrivalNanos) / 1000;
        long arrivalUnits = elapsedMicros * clockRate / 1_000_000;
        return (int) (arrivalUnits - timestamp);
    }

    /**
     * The extended sequence number {@code sequenceNumber} would get now, without accounting for a packet; for a
     * stream that has received nothing, the number itself.
     */
    public long extendedSequence(int sequenceNumber) {
        if (!started) {
            return sequenceNumber & 0xFFFF;
        }
        long distance = (short) ((sequenceNumber & 0xFFFF) - (highestSequence & 0xFFFF));
        return highestSequence + distance;
    }

    /**
     * Remembers a sender report of this stream: for the LSR and DLSR of the next reception report, and as the
     * mapping from the stream's RTP clock to time that sender reports to subscribers follow (RFC 3550 §6.4.1).
     */
    public void onSenderReport(long ntpTimestamp, long rtpTimestamp, long arrivalNanos) {
        senderReportReceived = true;
        lastSenderReportNtpMiddle = (ntpTimestamp >>> 16) & 0xFFFF_FFFFL;
        lastSenderReportArrivalNanos = arrivalNanos;
        timestampMapping = new TimestampMapping(rtpTimestamp, arrivalNanos);
    }

    /**
     * This stream's RTP timestamp at server time {@code nanos}, extrapolated from the publisher's last sender
     * report, or -1 before one arrived. Any thread.
     */
    public long rtpTimestampAt(long nanos) {
        TimestampMapping mapping = timestampMapping;
        if (mapping == null) {
            return -1;
        }
        long elapsedMicros = (nanos - mapping.atNanos()) / 1000;
        return (mapping.rtpTimestamp() + elapsedMicros * clockRate / 1_000_000) & 0xFFFF_FFFFL;
    }

    /** Whether any packet has arrived, i.e. whether there is anything to report. */
    public boolean hasReceived() {
        return started;
    }

    public long packetsReceived() {
        return packetsReceived;
    }

    public long bytesReceived() {
        return bytesReceived;
    }

    public long highestSequence() {
        return highestSequence;
    }

    public long lastArrivalNanos() {
        return lastArrivalNanos;
    }

    /** Packets expected but not received so far; negative when duplicates arrived (RFC 3550 §A.3). */
    public long cumulativeLost() {
        return started ? highestSequence - baseSequence + 1 - packetsReceived : 0;
    }

    /** The interarrival jitter estimate in RTP timestamp units. */
    public long jitter() {
        return scaledJitter >> 4;
    }

    /** The retransmission cache, or null if this stream keeps none. */
    public PacketCache cache() {
        return cache;
    }

    /**
     * The reception report block for this stream now (RFC 3550 §6.4.1); the loss fraction covers the time since
     * the previous call, so call it once per report sent.
     */
    public ReportBlock report(long nowNanos) {
        long expected = started ? highestSequence - baseSequence + 1 : 0;
        long expectedInterval = expected - expectedAtLastReport;
        long receivedInterval = packetsReceived - receivedAtLastReport;
        expectedAtLastReport = expected;
        receivedAtLastReport = packetsReceived;
        long lostInterval = expectedInterval - receivedInterval;
        int fractionLost = expectedInterval <= 0 || lostInterval <= 0
                ? 0 : (int) Math.min(255, (lostInterval << 8) / expectedInterval);
        int cumulativeLost = (int) Math.max(MIN_CUMULATIVE_LOST, Math.min(MAX_CUMULATIVE_LOST, cumulativeLost()));
        long delaySinceSenderReport = senderReportReceived
                ? (nowNanos - lastSenderReportArrivalNanos) * 65536 / NANOS_PER_SECOND : 0;
        return new ReportBlock(ssrc, fractionLost, cumulativeLost, highestSequence & 0xFFFF_FFFFL, jitter(),
                senderReportReceived ? lastSenderReportNtpMiddle : 0, delaySinceSenderReport);
    }
}
