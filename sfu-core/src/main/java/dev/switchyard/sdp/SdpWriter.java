package dev.switchyard.sdp;

import java.util.List;

/** Line writing shared by the session and media sections: {@code <type>=<value>} terminated by CRLF (RFC 8866 §5). */
final class SdpWriter {

    private SdpWriter() {
    }

    static void line(StringBuilder out, char type, Object value) {
        out.append(type).append('=').append(value).append("\r\n");
    }

    /** Writes the kept lines whose type is one of {@code types}, in their original order. */
    static void otherLines(StringBuilder out, List<SdpLine> lines, String types) {
        for (SdpLine line : lines) {
            if (types.indexOf(line.type()) >= 0) {
                line(out, line.type(), line.value());
            }
        }
    }

    static void attributes(StringBuilder out, Attributes attributes) {
        attributes.forEach(attribute -> line(out, 'a', attribute));
    }
}
