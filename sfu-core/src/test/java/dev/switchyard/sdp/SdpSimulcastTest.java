package dev.switchyard.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code a=rid} (RFC 8851) and {@code a=simulcast} (RFC 8853), including the RFC examples. */
class SdpSimulcastTest {

    @Test
    void ridWithPayloadTypesAndRestrictions() {
        // RFC 8851 §11.1 style restriction list.
        String value = "1 send pt=97,98;max-width=1280;max-height=720";

        Rid rid = Rid.parse(value);

        assertEquals("1", rid.id());
        assertEquals(RidDirection.SEND, rid.direction());
        assertEquals(List.of(97, 98), rid.payloadTypes());
        assertEquals(Map.of("max-width", "1280", "max-height", "720"), rid.restrictions());
        assertEquals(value, rid.attributeValue());
    }

    @Test
    void ridRecvWithoutRestrictions() {
        assertEquals(new Rid("hi_res-2", RidDirection.RECV), Rid.parse("hi_res-2 recv"));
    }

    @Test
    void simulcastWithAlternativesPausedStreamsAndBothDirections() {
        // RFC 8853 §5.1: "2;~4" sends 2 and 4 with 4 paused; "1,3" offers alternatives.
        Simulcast simulcast = Simulcast.parse("send 1,3;~4 recv 2");

        assertEquals(List.of(
                new SimulcastStream(List.of(new SimulcastRid("1", false), new SimulcastRid("3", false))),
                new SimulcastStream(List.of(new SimulcastRid("4", true)))), simulcast.send());
        assertEquals(List.of(SimulcastStream.of("2")), simulcast.recv());
        assertEquals("send 1,3;~4 recv 2", simulcast.attributeValue());
    }

    @Test
    void recvFirstIsReadAndWrittenSendFirst() {
        Simulcast simulcast = Simulcast.parse("recv h;l send f");

        assertEquals(List.of(SimulcastStream.of("f")), simulcast.send());
        assertEquals(List.of(SimulcastStream.of("h"), SimulcastStream.of("l")), simulcast.recv());
        assertEquals("send f recv h;l", simulcast.attributeValue());
    }

    @Test
    void recvOnlySimulcastForAnAnswer() {
        Simulcast answer = new Simulcast(List.of(),
                List.of(SimulcastStream.of("q"), SimulcastStream.of("h"), SimulcastStream.of("f")));

        assertEquals("recv q;h;f", answer.attributeValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "send", "send q;;f", "send q recv", "send q send h", "sendrecv q", "send ~",
        "send q,", "send a b c d e", " send q", "rid=1;2"})
    void rejectsMalformedSimulcast(String value) {
        assertThrows(SdpParseException.class, () -> Simulcast.parse(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "q", "q both", "q send pt=", "q send pt=x", "q send pt=1;;max-width=2",
        "q send max-fps=1;max-fps=2", "q! send", "q send a b"})
    void rejectsMalformedRid(String value) {
        assertThrows(SdpParseException.class, () -> Rid.parse(value));
    }
}
