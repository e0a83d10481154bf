package dev.switchyard.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Editing semantics: typed setters replace in place so an edited description keeps its line order. */
class SdpAttributesTest {

    @Test
    void setReplacesTheFirstLineInPlaceAndDropsDuplicates() {
        Attributes attributes = new Attributes()
                .add(new Attribute("ice-ufrag", "aaaa"))
                .add(Attribute.flag("rtcp-mux"))
                .add(new Attribute("ice-ufrag", "bbbb"));

        attributes.setIceUfrag("cccc");

        assertEquals(List.of(new Attribute("ice-ufrag", "cccc"), Attribute.flag("rtcp-mux")), attributes.asList());
    }

    @Test
    void setAppendsWhenAbsent() {
        Attributes attributes = new Attributes().setMid("0").set(Setup.PASSIVE);

        assertEquals(List.of(new Attribute("mid", "0"), new Attribute("setup", "passive")), attributes.asList());
        assertEquals(Setup.PASSIVE, attributes.setup().orElseThrow());
    }

    @Test
    void setDirectionReplacesWhicheverDirectionIsPresent() {
        Attributes attributes = new Attributes().setMid("1").add(Direction.SENDONLY).add(Attribute.flag("rtcp-mux"));

        attributes.setDirection(Direction.SENDONLY.reverse());

        assertEquals(List.of(new Attribute("mid", "1"), Attribute.flag("recvonly"), Attribute.flag("rtcp-mux")),
                attributes.asList());
        assertEquals(Direction.RECVONLY, attributes.direction().orElseThrow());
    }

    @Test
    void flagsAndRemoval() {
        Attributes attributes = new Attributes()
                .setFlag(Attributes.RTCP_MUX, true)
                .setFlag(Attributes.RTCP_RSIZE, true)
                .add(Candidate.of("1", 1, "udp", 1, "10.0.0.1", 9, Candidate.TYPE_HOST))
                .add(Candidate.of("2", 1, "udp", 1, "10.0.0.2", 9, Candidate.TYPE_HOST))
                .setFlag(Attributes.END_OF_CANDIDATES, true);

        attributes.setFlag(Attributes.RTCP_RSIZE, false).remove(Candidate.NAME);

        assertTrue(attributes.rtcpMux());
        assertFalse(attributes.rtcpReducedSize());
        assertEquals(List.of(), attributes.candidates());
        assertTrue(attributes.endOfCandidates());
        assertEquals(2, attributes.size());
    }

    @Test
    void sctpAttributesAreTyped() {
        Attributes attributes = new Attributes()
                .add(new Attribute(Attributes.SCTP_PORT, "5000"))
                .add(new Attribute(Attributes.MAX_MESSAGE_SIZE, "262144"));

        assertEquals(5000, attributes.sctpPort().orElseThrow());
        assertEquals(262144L, attributes.maxMessageSize().orElseThrow());
    }

    @Test
    void malformedKnownAttributesAreRejectedWhenAdded() {
        Attributes attributes = new Attributes();

        assertThrows(SdpParseException.class, () -> attributes.add(new Attribute("candidate", "garbage")));
        assertThrows(SdpParseException.class, () -> attributes.add(Attribute.flag("mid")));
        assertThrows(SdpParseException.class, () -> attributes.add(new Attribute("rtcp-mux", "yes")));
        assertThrows(SdpParseException.class, () -> attributes.setIcePwd("has space"));
        assertThrows(SdpParseException.class, () -> attributes.setIceOptions(List.of()));
        assertEquals(0, attributes.size());
    }

    @Test
    void unknownAttributesAreKeptVerbatim() {
        Attributes attributes = new Attributes()
                .add(new Attribute("msid-semantic", " WMS *"))
                .add(new Attribute("x-google-flag", ""))
                .add(Attribute.flag("extmap-allow-mixed"));

        assertEquals(" WMS *", attributes.value("msid-semantic").orElseThrow());
        assertEquals("x-google-flag:", attributes.asList().get(1).toString());
        assertEquals("extmap-allow-mixed", attributes.asList().get(2).toString());
    }

    @Test
    void attributeNamesMustBeTokens() {
        assertThrows(IllegalArgumentException.class, () -> Attribute.flag("has space"));
        assertThrows(IllegalArgumentException.class, () -> new Attribute("x", "line\r\nbreak"));
    }
}
