package dev.switchyard.media;

import java.util.Arrays;
import java.util.List;

import dev.switchyard.buffer.PacketBuffer;
import dev.switchyard.rtcp.SenderReport;
import dev.switchyard.rtcp.SourceDescription;

/**
 * Writes the RTCP compound packet a send stream reports itself with (RFC 3550 §6.1: an SR, then an SDES with
 * the CNAME that ties a participant's streams together for lip sync), about once a second.
 */
final class SenderReportWriter {

    /** Seconds from the NTP epoch (1900) to the Unix epoch (1970). */
    private static final long NTP_UNIX_OFFSET_SECONDS = 2_208_988_800L;

    private SenderReportWriter() {
    }

    /** The 64-bit NTP timestamp (RFC 5905 §6) of a wallclock time in milliseconds since 1970. */
    static long ntpTimestamp(long unixMillis) {
        long seconds = unixMillis / 1000 + NTP_UNIX_OFFSET_SECONDS;
        long fraction = ((unixMillis % 1000) << 32) / 1000;
        return (seconds << 32) | fraction;
    }

    /**
     * The SDES packet a stream sends after every SR: the same bytes each time, so written once per stream and
     * copied per report (writing it encodes the CNAME anew, about 200 bytes of garbage per report).
     */
    static byte[] sourceDescription(long ssrc, String cname) {
        byte[] scratch = new byte[PacketBuffer.MAX_PACKET];
        return Arrays.copyOf(scratch, SourceDescription.writeCname(scratch, 0, ssrc, cname));
    }

    /** Writes the SR and then {@code sourceDescription} (see {@link #sourceDescription}) into {@code into}. */
    static void write(PacketBuffer into, long ssrc, long ntpTimestamp, long rtpTimestamp, long packetCount,
                      long octetCount, byte[] sourceDescription) {
        byte[] bytes = into.buffer();
        int length = SenderReport.write(bytes, 0, ssrc, ntpTimestamp, rtpTimestamp, packetCount, octetCount,
                List.of());
        System.arraycopy(sourceDescription, 0, bytes, length, sourceDescription.length);
        into.setOffsetLength(0, length + sourceDescription.length);
    }
}
