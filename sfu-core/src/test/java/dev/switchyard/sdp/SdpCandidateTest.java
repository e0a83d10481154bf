package dev.switchyard.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SdpCandidateTest {

    @Test
    void parsesServerReflexiveWithRelatedAddressAndChromiumExtensions() {
        String value = "1467250027 1 udp 1686052607 203.0.113.7 61665 typ srflx raddr 192.168.1.4 rport 61665"
                + " generation 0 ufrag EsAw network-id 1";

        Candidate candidate = Candidate.parse(value);

        assertEquals(Candidate.TYPE_SRFLX, candidate.type());
        assertEquals("192.168.1.4", candidate.relatedAddress());
        assertEquals(61665, candidate.relatedPort());
        assertEquals(0, candidate.generation());
        assertEquals(Map.of("ufrag", "EsAw", "network-id", "1"), candidate.extensions());
        assertEquals(value, candidate.attributeValue());
    }

    @Test
    void parsesTcpTypeAndMdnsAddress() {
        String value = "2 1 tcp 1518280447 4f2b9c1e-6e5a-4c3e-9f0e-2d1c3b4a5f6e.local 9 typ host tcptype active";

        Candidate candidate = Candidate.parse(value);

        assertEquals("active", candidate.tcpType());
        assertEquals("4f2b9c1e-6e5a-4c3e-9f0e-2d1c3b4a5f6e.local", candidate.address());
        assertEquals(Candidate.NO_PORT, candidate.relatedPort());
        assertEquals(value, candidate.attributeValue());
    }

    @Test
    void buildsWhatTheServerAdvertises() {
        Candidate candidate = Candidate.of("1", 1, "udp", 2130706431L, "198.51.100.10", 10000, Candidate.TYPE_HOST)
                .withGeneration(0);

        assertEquals("1 1 udp 2130706431 198.51.100.10 10000 typ host generation 0", candidate.attributeValue());
        assertEquals("candidate:1 1 udp 2130706431 198.51.100.10 10000 typ host generation 0", candidate.toTrickle());
        assertEquals(candidate, Candidate.parseTrickle(candidate.toTrickle()));
    }

    @Test
    void relatedFieldsAreWrittenInGrammarOrder() {
        Candidate relay = Candidate.of("9", 1, "udp", 41885439L, "198.51.100.1", 3478, Candidate.TYPE_RELAY)
                .withExtension("network-cost", "10")
                .withTcpType("passive")
                .withRelated("203.0.113.7", 5000);

        assertEquals("9 1 udp 41885439 198.51.100.1 3478 typ relay raddr 203.0.113.7 rport 5000 tcptype passive"
                + " network-cost 10", relay.attributeValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "1 1 udp 1 10.0.0.1 9 typ",
        "1 1 udp 1 10.0.0.1 9 type host",
        "1 0 udp 1 10.0.0.1 9 typ host",
        "1 1 udp 4294967296 10.0.0.1 9 typ host",
        "1 1 udp 1 10.0.0.1 65536 typ host",
        "1 1 udp 1 10.0.0.1 -9 typ host",
        "1 1 udp 1 10.0.0.1 9 typ host raddr",
        "1 1 udp 1 10.0.0.1 9 typ host rport x",
        "1 1 udp 1 10.0.0.1 9 typ host generation 0 generation 1",
        "1 1 udp 1 10.0.0.1 9 typ host ufrag a ufrag b",
        "1 1 udp 1 10.0.0.1  9 typ host",
        "f:o 1 udp 1 10.0.0.1 9 typ host",
        "123456789012345678901234567890123 1 udp 1 10.0.0.1 9 typ host",
    })
    void rejectsMalformedCandidates(String value) {
        assertThrows(SdpParseException.class, () -> Candidate.parse(value));
    }

    @Test
    void trickleStringNeedsThePrefix() {
        SdpParseException e = assertThrows(SdpParseException.class,
                () -> Candidate.parseTrickle("1 1 udp 1 10.0.0.1 9 typ host"));
        assertEquals(0, e.lineNumber());
        assertThrows(SdpParseException.class, () -> Candidate.parseTrickle(null));
    }
}
