package dev.switchyard.sdp;

import java.util.List;
import java.util.Objects;

/** {@code a=ssrc-group:<semantics> <ssrc>...} (RFC 5576 §4.2), e.g. FID pairs a stream with its RTX stream. */
public record SsrcGroup(String semantics, List<Long> ssrcs) implements TypedAttribute {

    public static final String NAME = "ssrc-group";
    /** Flow identification: media SSRC then its retransmission SSRC (RFC 5576 §4.2, RFC 4588 §8). */
    public static final String FID = "FID";
    /** Simulcast layers, lowest first (legacy Chromium signalling without rids). */
    public static final String SIM = "SIM";

    public SsrcGroup {
        Objects.requireNonNull(semantics, "semantics");
        ssrcs = List.copyOf(ssrcs);
    }

    public static SsrcGroup parse(String value) {
        List<String> fields = SdpSyntax.split(value, ' ', "a=ssrc-group");
        String semantics = SdpSyntax.requireToken(fields.get(0), "a=ssrc-group semantics");
        List<Long> ssrcs = fields.subList(1, fields.size()).stream()
                .map(token -> SdpSyntax.parseNumber(token, 0, SdpSyntax.MAX_UINT32, "a=ssrc-group ssrc"))
                .toList();
        return new SsrcGroup(semantics, ssrcs);
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        StringBuilder text = new StringBuilder(semantics);
        ssrcs.forEach(ssrc -> text.append(' ').append(ssrc));
        return text.toString();
    }
}
