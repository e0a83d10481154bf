package dev.switchyard.sdp;

import java.util.List;
import java.util.Objects;

/** {@code a=rtpmap:<pt> <encoding>/<clock rate>[/<channels>]} (RFC 8866 §6.6). */
public record RtpMap(int payloadType, String encodingName, int clockRate, int channels) implements TypedAttribute {

    public static final String NAME = "rtpmap";

    /** Value of {@link #channels} when the encoding parameters are omitted (one channel for audio). */
    public static final int CHANNELS_OMITTED = 0;

    public RtpMap {
        Objects.requireNonNull(encodingName, "encodingName");
    }

    public RtpMap(int payloadType, String encodingName, int clockRate) {
        this(payloadType, encodingName, clockRate, CHANNELS_OMITTED);
    }

    public static RtpMap parse(String value) {
        List<String> fields = SdpSyntax.split(value, ' ', 2, "a=rtpmap");
        int payloadType = SdpSyntax.parseInt(fields.get(0), 0, SdpSyntax.MAX_PAYLOAD_TYPE, "a=rtpmap payload type");
        List<String> encoding = SdpSyntax.split(fields.get(1), '/', "a=rtpmap encoding");
        if (encoding.size() < 2 || encoding.size() > 3) {
            throw new SdpParseException("a=rtpmap: expected <encoding>/<clock rate>[/<channels>]");
        }
        String name = SdpSyntax.requireToken(encoding.get(0), "a=rtpmap encoding name");
        int clockRate = SdpSyntax.parseInt(encoding.get(1), 1, Integer.MAX_VALUE, "a=rtpmap clock rate");
        int channels = encoding.size() == 3
                ? SdpSyntax.parseInt(encoding.get(2), 1, Integer.MAX_VALUE, "a=rtpmap channels")
                : CHANNELS_OMITTED;
        return new RtpMap(payloadType, name, clockRate, channels);
    }

    /** Encoding names are case-insensitive (RFC 4855 §3), so compare with this rather than equals. */
    public boolean encodingIs(String name) {
        return encodingName.equalsIgnoreCase(name);
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        String base = payloadType + " " + encodingName + '/' + clockRate;
        return channels == CHANNELS_OMITTED ? base : base + '/' + channels;
    }
}
