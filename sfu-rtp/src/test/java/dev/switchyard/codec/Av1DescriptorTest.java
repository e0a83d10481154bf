package dev.switchyard.codec;

import dev.switchyard.rtp.testing.ParserFuzzer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Av1DescriptorTest {

    // Sequence header OBU (type 1, obu_has_size_field=0 as the RTP spec recommends), 11 bytes.
    private static final String SEQUENCE_HEADER = "08 00 00 00 42 a7 bf e4 f8 3e 10";
    // Start of a frame OBU (type 6).
    private static final String FRAME = "30 10 a1 00 76 c4 3f 55 8e 71";

    // libwebrtc's first keyframe packet: Z=0 Y=1 W=2 N=1; the sequence header with its length, then the
    // frame OBU filling the rest of the packet and continued in the next.
    private static final byte[] KEYFRAME_FIRST = Bytes.hex("68 0b " + SEQUENCE_HEADER + FRAME);
    // Its continuation: Z=1 Y=0 W=1, one element that is the tail of the frame OBU.
    private static final byte[] KEYFRAME_TAIL = Bytes.hex("90 08 ee 17 42 9d 60");
    // A delta frame in one packet: W=1, a single frame OBU.
    private static final byte[] DELTA = Bytes.hex("10 " + FRAME);
    // W=0: every element, including the last, is preceded by its length.
    private static final byte[] KEYFRAME_ALL_LENGTHS = Bytes.hex("08 0b " + SEQUENCE_HEADER + " 0a " + FRAME);

    private final Av1Descriptor descriptor = new Av1Descriptor();

    private boolean parse(byte[] bytes) {
        return descriptor.parse(bytes, 0, bytes.length);
    }

    @Test
    void newCodedVideoSequenceIsAKeyframe() {
        assertTrue(parse(KEYFRAME_FIRST));
        assertTrue(descriptor.isKeyframe());
        assertFalse(descriptor.startsWithFragment());
        assertTrue(descriptor.endsWithFragment());
        assertEquals(2, descriptor.elementCount());
        assertTrue(descriptor.hasSequenceHeader());
    }

    @Test
    void continuationIsNotInspectedForObuHeaders() {
        assertTrue(parse(KEYFRAME_TAIL));
        assertTrue(descriptor.startsWithFragment());
        assertFalse(descriptor.endsWithFragment());
        assertFalse(descriptor.isKeyframe());
        assertEquals(1, descriptor.elementCount());
        assertFalse(descriptor.hasSequenceHeader(), "08 opens a fragment tail, not a sequence header");
    }

    @Test
    void parsesDeltaFrame() {
        assertTrue(parse(DELTA));
        assertFalse(descriptor.isKeyframe());
        assertEquals(1, descriptor.elementCount());
        assertFalse(descriptor.hasSequenceHeader());
    }

    @Test
    void parsesLengthsOnEveryElementWhenWIsZero() {
        assertTrue(parse(KEYFRAME_ALL_LENGTHS));
        assertTrue(descriptor.isKeyframe());
        assertEquals(2, descriptor.elementCount());
        assertTrue(descriptor.hasSequenceHeader());
    }

    @Test
    void parsesMultiByteElementLengths() {
        StringBuilder hex = new StringBuilder("00 80 01 30");
        hex.append(" 00".repeat(127));
        byte[] packet = Bytes.hex(hex.toString());
        assertTrue(parse(packet));
        assertEquals(1, descriptor.elementCount());
    }

    @Test
    void rejectsMalformedPayloads() {
        for (String hex : List.of(
                "", "18", // header without elements
                "88 08", // Z and N together
                "00 05 30 00", // length overruns the payload
                "00 80", // length truncated
                "00 00 30", // empty element
                "30 02 08 00 01 30", // W=3 but only two elements
                "20 00 30", // W=2 with an empty first element
                "00 ff ff ff ff 10 30")) { // length beyond 2^32 - 1
            byte[] bytes = Bytes.hex(hex);
            assertFalse(parse(bytes), hex);
            assertFalse(descriptor.isKeyframe());
            assertEquals(0, descriptor.elementCount());
        }
    }

    @Test
    void survivesFuzzing() {
        ParserFuzzer.fuzz(
                (buffer, offset, length) -> descriptor.parse(buffer, offset, length) ? descriptor.toString() : null,
                List.of(KEYFRAME_FIRST, KEYFRAME_TAIL, DELTA, KEYFRAME_ALL_LENGTHS),
                100_000, 0xA1);
    }
}
