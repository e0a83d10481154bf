package dev.switchyard.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SdpParserTest {

    private static final String HEAD = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("", 1, "empty session description"),
                Arguments.of("o=- 1 2 IN IP4 127.0.0.1\r\n", 1, "expected v= line"),
                Arguments.of("v=1\r\n", 1, "unsupported protocol version"),
                Arguments.of("v=0\r\n", 1, "expected o= line"),
                Arguments.of("v=0\r\no=- 1 2 IN IP4\r\n", 2, "o=: expected 6 fields"),
                Arguments.of("v=0\r\no=- x 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n", 2, "invalid session id"),
                Arguments.of("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\n", 3, "missing t= line"),
                Arguments.of(HEAD + "\r\na=x\r\n", 5, "empty line"),
                Arguments.of(HEAD + "garbage\r\n", 5, "expected <letter>=<value>"),
                Arguments.of(HEAD + "x=1\r\n", 5, "unknown line type 'x='"),
                Arguments.of(HEAD + "c=IN IP4 0.0.0.0\r\n", 5, "c= line out of order"),
                Arguments.of(HEAD + "t=0 0\r\n", 5, "more than one t= line"),
                Arguments.of(HEAD + "a=ok\r\nb=AS:1\r\n", 6, "b= line out of order"),
                Arguments.of(HEAD + "a=\r\n", 5, "invalid attribute name"),
                Arguments.of(HEAD + "a=mid\r\n", 5, "a=mid requires a value"),
                Arguments.of(HEAD + "a=setup:maybe\r\n", 5, "a=setup: unknown role 'maybe'"),
                Arguments.of(HEAD + "m=audio 9 UDP/TLS/RTP/SAVPF\r\n", 5, "m=: expected"),
                Arguments.of(HEAD + "m=audio 99999 RTP/AVP 0\r\n", 5, "m= port: 99999 is outside"),
                Arguments.of(HEAD + "m=audio 9 RTP/AVP 0\r\nt=0 0\r\n", 6, "t= line is not allowed in a media section"),
                Arguments.of(HEAD + "m=audio 9 RTP/AVP 0\r\na=mid:0\r\nc=IN IP4 0.0.0.0\r\n", 7, "out of order"),
                Arguments.of(HEAD + "m=audio 9 RTP/AVP 0\r\na=rtpmap:0 PCMU\r\n", 6, "a=rtpmap"),
                Arguments.of(HEAD + "a=x:\u0000\r\n", 5, "NUL or CR"),
                Arguments.of(HEAD + "a=x:\ry\r\n", 5, "NUL or CR"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void reportsTheLineAndTheReason(String text, int line, String reason) {
        SdpParseException e = assertThrows(SdpParseException.class, () -> SessionDescription.parse(text));

        assertEquals(line, e.lineNumber(), e.getMessage());
        assertTrue(e.getMessage().startsWith("line " + line + ": "), e.getMessage());
        assertTrue(e.reason().contains(reason), e.getMessage());
    }

    @Test
    void nullIsReportedLikeEmptyInput() {
        assertEquals(1, assertThrows(SdpParseException.class, () -> SessionDescription.parse(null)).lineNumber());
    }

    @Test
    void uninterpretedLinesAreKeptInTheirPlace() {
        String text = "v=0\r\no=alice 2890844526 2890844526 IN IP4 198.51.100.1\r\ns=Talk\r\ni=A seminar\r\n"
                + "u=http://www.example.com/seminars/sdp.pdf\r\ne=alice@example.com (Alice)\r\n"
                + "c=IN IP4 233.252.0.1/127\r\nb=AS:128\r\nt=2873397496 2873404696\r\nr=7d 1h 0 25h\r\n"
                + "a=recvonly\r\nm=audio 49170 RTP/AVP 0\r\ni=voice\r\nb=TIAS:64000\r\n"
                + "m=video 51372/2 RTP/AVP 99\r\nc=IN IP6 2001:db8::2\r\na=rtpmap:99 h263-1998/90000\r\n";

        SessionDescription session = SessionDescription.parse(text);

        assertEquals(text, session.serialize());
        assertEquals(List.of(new SdpLine('i', "A seminar"), new SdpLine('u', "http://www.example.com/seminars/sdp.pdf"),
                new SdpLine('e', "alice@example.com (Alice)"), new SdpLine('r', "7d 1h 0 25h")), session.otherLines());
        assertEquals(new Timing(2873397496L, 2873404696L), session.timing());
        assertEquals(List.of(new Bandwidth(Bandwidth.AS, 128)), session.bandwidths());
        assertEquals(2, session.media().get(1).portCount());
        assertEquals(List.of(new Bandwidth(Bandwidth.TIAS, 64000)), session.media().get(0).bandwidths());
        assertEquals(Direction.RECVONLY, session.directionOf(session.media().get(0)));
    }

    @Test
    void missingFinalLineEndingIsAccepted() {
        assertEquals(HEAD + "a=x\r\n", SessionDescription.parse(HEAD + "a=x").serialize());
    }
}
