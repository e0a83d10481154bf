package dev.switchyard.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SdpFixturesTest {

    static List<String> fixtures() {
        return SdpFixtures.names();
    }

    @Test
    void everyCapturedFixtureIsPresent() {
        assertEquals(SdpFixtures.COUNT, fixtures().size(), fixtures().toString());
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void roundTripsByteForByte(String name) {
        String text = SdpFixtures.read(name);
        assertTrue(text.endsWith("\r\n"), "captures use CRLF");
        assertEquals(text, SessionDescription.parse(text).serialize());
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void acceptsBareLineFeeds(String name) {
        String text = SdpFixtures.read(name);
        assertEquals(text, SessionDescription.parse(text.replace("\r\n", "\n")).serialize());
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void typedViewsWriteBackTheLinesTheyCameFrom(String name) {
        SessionDescription session = SdpFixtures.parse(name);
        assertTypedViewsRoundTrip(session.attributes());
        session.media().forEach(media -> assertTypedViewsRoundTrip(media.attributes()));
    }

    /**
     * Every understood attribute in the captures is in canonical form, so formatting its typed view must give the
     * original value back; this is what lets the lead edit typed values without disturbing their neighbours.
     */
    private static void assertTypedViewsRoundTrip(Attributes attributes) {
        List<TypedAttribute> typed = new ArrayList<>();
        typed.addAll(attributes.candidates());
        typed.addAll(attributes.extmaps());
        typed.addAll(attributes.fingerprints());
        typed.addAll(attributes.fmtps());
        typed.addAll(attributes.groups());
        typed.addAll(attributes.msids());
        typed.addAll(attributes.rids());
        typed.addAll(attributes.rtcpFeedbacks());
        typed.addAll(attributes.rtpMaps());
        attributes.setup().ifPresent(typed::add);
        attributes.simulcast().ifPresent(typed::add);
        typed.addAll(attributes.ssrcs());
        typed.addAll(attributes.ssrcGroups());
        attributes.direction().ifPresent(typed::add);
        for (TypedAttribute attribute : typed) {
            assertTrue(attributes.asList().contains(attribute.toAttribute()), attribute.toAttribute().toString());
        }
    }
}
