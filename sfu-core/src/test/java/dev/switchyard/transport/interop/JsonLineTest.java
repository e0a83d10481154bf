package dev.switchyard.transport.interop;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonLineTest {

    @Test
    void readsStringsNumbersAndLiteralsOfAFlatObject() {
        Map<String, String> event = JsonLine.parseObject(
                " {\"event\":\"rtp\", \"sequenceNumber\": 65535,\"intact\":true,\"sdp\":\"v=0\\r\\na=x:\\\"\\u00e9\\\"\"} ");

        assertEquals(Map.of("event", "rtp", "sequenceNumber", "65535", "intact", "true", "sdp", "v=0\r\na=x:\"é\""),
                event);
        assertEquals(Map.of(), JsonLine.parseObject("{}"));
    }

    @Test
    void quotedTextReadsBackUnchanged() {
        String sdp = "v=0\r\na=tab\there \"quoted\" back\\slash \u0001 é";

        assertEquals(Map.of("answer", sdp), JsonLine.parseObject("{\"answer\":" + JsonLine.quote(sdp) + "}"));
    }

    @Test
    void rejectsWhatIsNotAFlatObject() {
        for (String malformed : new String[] {"", "[]", "{\"a\"}", "{\"a\":}", "{\"a\":\"x}", "{\"a\":1} x",
                "{\"a\":\"\\q\"}", "{\"a\":\"\\u12\"}"}) {
            assertThrows(IllegalArgumentException.class, () -> JsonLine.parseObject(malformed), malformed);
        }
    }
}
