package dev.switchyard.sdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table of values each typed attribute parser accepts (and writes back unchanged) or rejects. */
class SdpAttributeParsersTest {

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of(parser(Extmap::parse), "1 urn:ietf:params:rtp-hdrext:ssrc-audio-level"),
                Arguments.of(parser(Extmap::parse), "8/sendonly https://aomediacodec.github.io/av1-rtp-spec/#dd"),
                Arguments.of(parser(Extmap::parse), "4096/inactive urn:x attr1 attr2"),
                Arguments.of(parser(Fingerprint::parse), "sha-1 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B"),
                Arguments.of(parser(Fmtp::parse), "101 0-15"),
                Arguments.of(parser(Fmtp::parse), "96 profile-level-id=42e01f; packetization-mode=1"),
                Arguments.of(parser(Group::parse), "BUNDLE"),
                Arguments.of(parser(Group::parse), "LS a b"),
                Arguments.of(parser(Msid::parse), "-"),
                Arguments.of(parser(RtcpFeedback::parse), "* trr-int 100"),
                Arguments.of(parser(RtcpFeedback::parse), "96 ccm tmmbr smaxpr=120"),
                Arguments.of(parser(RtpMap::parse), "9 G722/8000/1"),
                Arguments.of(parser(RtpMap::parse), "127 red/90000"),
                Arguments.of(parser(Ssrc::parse), "4294967295 cname:{x}"),
                Arguments.of(parser(Ssrc::parse), "1 foo"),
                Arguments.of(parser(SsrcGroup::parse), "SIM 1 2 3"),
                Arguments.of(parser(Setup::parse), "holdconn"));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of(parser(Extmap::parse), "1"),
                Arguments.of(parser(Extmap::parse), "0 urn:x"),
                Arguments.of(parser(Extmap::parse), "256 urn:x"),
                Arguments.of(parser(Extmap::parse), "1/both urn:x"),
                Arguments.of(parser(Extmap::parse), "1 urn:x "),
                Arguments.of(parser(Extmap::parse), "99999999999999999999 urn:x"),
                Arguments.of(parser(Fingerprint::parse), "sha-256"),
                Arguments.of(parser(Fingerprint::parse), "sha-256 AB:C"),
                Arguments.of(parser(Fingerprint::parse), "sha-256 AB::CD"),
                Arguments.of(parser(Fingerprint::parse), "sha-256 ZZ"),
                Arguments.of(parser(Fingerprint::parse), "sha-256 \uFF11\uFF12"),
                Arguments.of(parser(Fmtp::parse), "96"),
                Arguments.of(parser(Fmtp::parse), "96 "),
                Arguments.of(parser(Fmtp::parse), "128 a=b"),
                Arguments.of(parser(Group::parse), ""),
                Arguments.of(parser(Group::parse), "BUNDLE  0"),
                Arguments.of(parser(Msid::parse), "a b c"),
                Arguments.of(parser(RtcpFeedback::parse), "96"),
                Arguments.of(parser(RtcpFeedback::parse), "96 nack "),
                Arguments.of(parser(RtcpFeedback::parse), "+96 nack"),
                Arguments.of(parser(RtpMap::parse), "96 VP8"),
                Arguments.of(parser(RtpMap::parse), "96 VP8/0"),
                Arguments.of(parser(RtpMap::parse), "96 VP8/90000/2/1"),
                Arguments.of(parser(RtpMap::parse), "\u0661 VP8/90000"),
                Arguments.of(parser(Ssrc::parse), "4294967296 cname:x"),
                Arguments.of(parser(Ssrc::parse), "1 :x"),
                Arguments.of(parser(SsrcGroup::parse), "FID 1 x"),
                Arguments.of(parser(Setup::parse), "ACTPASS"));
    }

    @ParameterizedTest
    @MethodSource("valid")
    void writesBackWhatItRead(Function<String, TypedAttribute> parser, String value) {
        assertEquals(value, parser.apply(value).attributeValue());
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void rejectsWithSdpParseException(Function<String, TypedAttribute> parser, String value) {
        assertThrows(SdpParseException.class, () -> parser.apply(value));
    }

    @Test
    void fingerprintOfDigestIsUpperCaseColonHex() {
        Fingerprint fingerprint = Fingerprint.of("sha-256", new byte[] {0x0a, (byte) 0xff, 0x10});

        assertEquals("sha-256 0A:FF:10", fingerprint.attributeValue());
        assertArrayEquals(new byte[] {0x0a, (byte) 0xff, 0x10}, Fingerprint.parse("sha-256 0a:ff:10").digest());
    }

    @Test
    void fmtpOfMapJoinsParametersInOrder() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("minptime", "10");
        parameters.put("useinbandfec", "1");

        assertEquals("111 minptime=10;useinbandfec=1", Fmtp.of(111, parameters).attributeValue());
    }

    private static Function<String, TypedAttribute> parser(Function<String, ? extends TypedAttribute> parser) {
        return parser::apply;
    }
}
