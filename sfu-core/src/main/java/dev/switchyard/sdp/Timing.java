package dev.switchyard.sdp;

import java.util.List;

/** {@code t=<start> <stop>} (RFC 8866 §5.9) in NTP seconds; WebRTC always writes {@code t=0 0}. */
public record Timing(long start, long stop) {

    /** Unbounded session, {@code t=0 0}. */
    public static final Timing UNBOUNDED = new Timing(0, 0);

    static Timing parse(String value) {
        List<String> fields = SdpSyntax.split(value, ' ', 2, "t=");
        return new Timing(SdpSyntax.parseNumber(fields.get(0), 0, Long.MAX_VALUE, "t= start"),
                SdpSyntax.parseNumber(fields.get(1), 0, Long.MAX_VALUE, "t= stop"));
    }

    @Override
    public String toString() {
        return start + " " + stop;
    }
}
