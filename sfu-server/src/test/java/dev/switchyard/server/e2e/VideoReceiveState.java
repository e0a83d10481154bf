package dev.switchyard.server.e2e;

import java.util.Map;

/** A page's remote video as its browser's {@code getStats()} reports it, summed over the inbound video streams. */
record VideoReceiveState(long framesDecoded, double totalFreezesDuration, long freezeCount, long nackCount,
                         long packetsLost, long packetsReceived, long retransmittedPacketsReceived) {

    static VideoReceiveState fromProbe(Map<?, ?> probe) {
        return new VideoReceiveState(count(probe, "framesDecoded"), number(probe, "totalFreezesDuration"),
                count(probe, "freezeCount"), count(probe, "nackCount"), count(probe, "packetsLost"),
                count(probe, "packetsReceived"), count(probe, "retransmittedPacketsReceived"));
    }

    /** What happened between {@code earlier} and this state. */
    VideoReceiveState since(VideoReceiveState earlier) {
        return new VideoReceiveState(framesDecoded - earlier.framesDecoded,
                totalFreezesDuration - earlier.totalFreezesDuration, freezeCount - earlier.freezeCount,
                nackCount - earlier.nackCount, packetsLost - earlier.packetsLost,
                packetsReceived - earlier.packetsReceived,
                retransmittedPacketsReceived - earlier.retransmittedPacketsReceived);
    }

    private static double number(Map<?, ?> probe, String key) {
        Object value = probe.get(key);
        return value instanceof Number number ? number.doubleValue() : 0;
    }

    private static long count(Map<?, ?> probe, String key) {
        return (long) number(probe, key);
    }

    @Override
    public String toString() {
        return String.format("%d frames decoded, frozen %.2f s (%d freezes), %d NACKs sent, %d lost, %d received"
                + " (%d retransmitted)", framesDecoded, totalFreezesDuration, freezeCount, nackCount, packetsLost,
                packetsReceived, retransmittedPacketsReceived);
    }
}
