package dev.switchyard.codec;

import dev.switchyard.rtp.testing.ParserFuzzer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class H264DescriptorTest {

    // OpenH264 constrained baseline level 3.1 parameter sets and the start of an IDR slice.
    private static final String SPS = "67 42 c0 1f 8c 8d 40 50 1e 90 0f 08 84 6a";
    private static final String PPS = "68 ce 3c 80";
    private static final String IDR = "65 b8 00 04 00 00 05 39 31 40 00 7f";

    // RFC 6184 §5.7.1 STAP-A (F=0 NRI=3 type 24) with 16-bit sizes, as libwebrtc aggregates a small keyframe.
    private static final byte[] STAP_A_SPS_PPS_IDR = Bytes.hex(
            "78 00 0e " + SPS + " 00 04 " + PPS + " 00 0c " + IDR);
    // For a larger keyframe the parameter sets travel alone and the IDR slice follows in FU-A packets.
    private static final byte[] STAP_A_SPS_PPS = Bytes.hex("78 00 0e " + SPS + " 00 04 " + PPS);
    // RFC 6184 §5.8 FU-A: indicator (NRI=3 type 28), header S=1 type 5, then the slice without its NAL header.
    private static final byte[] FU_A_IDR_START = Bytes.hex("7c 85 b8 00 04 00 00 05 39 31 40");
    private static final byte[] FU_A_IDR_MIDDLE = Bytes.hex("7c 05 9e 22 f1 07 3b");
    private static final byte[] FU_A_IDR_END = Bytes.hex("7c 45 c4 51 80");
    // Single NAL unit packet (RFC 6184 §5.6): a non-IDR slice, NRI=2.
    private static final byte[] SINGLE_NON_IDR = Bytes.hex("41 9a 02 1c 4c 23 ff fe");

    private final H264Descriptor descriptor = new H264Descriptor();

    private boolean parse(byte[] bytes) {
        return descriptor.parse(bytes, 0, bytes.length);
    }

    @Test
    void findsIdrAndParameterSetsInStapA() {
        assertTrue(parse(STAP_A_SPS_PPS_IDR));
        assertEquals(H264Descriptor.STAP_A, descriptor.nalUnitType());
        assertEquals(3, descriptor.aggregatedUnitCount());
        assertTrue(descriptor.isKeyframe());
        assertTrue(descriptor.hasSps());
        assertTrue(descriptor.hasPps());
        assertEquals(-1, descriptor.fragmentedNalUnitType());
    }

    @Test
    void parameterSetsAloneAreNotAKeyframe() {
        assertTrue(parse(STAP_A_SPS_PPS));
        assertEquals(2, descriptor.aggregatedUnitCount());
        assertTrue(descriptor.hasSps());
        assertTrue(descriptor.hasPps());
        assertFalse(descriptor.isKeyframe());
    }

    @Test
    void firstFragmentOfIdrIsAKeyframe() {
        assertTrue(parse(FU_A_IDR_START));
        assertEquals(H264Descriptor.FU_A, descriptor.nalUnitType());
        assertEquals(H264Descriptor.IDR, descriptor.fragmentedNalUnitType());
        assertTrue(descriptor.isFragmentStart());
        assertFalse(descriptor.isFragmentEnd());
        assertTrue(descriptor.isKeyframe());
        assertEquals(0, descriptor.aggregatedUnitCount());
    }

    @Test
    void laterFragmentsOfIdrAreNot() {
        assertTrue(parse(FU_A_IDR_MIDDLE));
        assertEquals(H264Descriptor.IDR, descriptor.fragmentedNalUnitType());
        assertFalse(descriptor.isFragmentStart());
        assertFalse(descriptor.isFragmentEnd());
        assertFalse(descriptor.isKeyframe());

        assertTrue(parse(FU_A_IDR_END));
        assertTrue(descriptor.isFragmentEnd());
        assertFalse(descriptor.isKeyframe());
    }

    @Test
    void parsesSingleNalUnits() {
        assertTrue(parse(SINGLE_NON_IDR));
        assertEquals(1, descriptor.nalUnitType());
        assertFalse(descriptor.isKeyframe());

        byte[] idr = Bytes.hex(IDR);
        assertTrue(parse(idr));
        assertEquals(H264Descriptor.IDR, descriptor.nalUnitType());
        assertTrue(descriptor.isKeyframe());

        byte[] sps = Bytes.hex(SPS);
        assertTrue(parse(sps));
        assertTrue(descriptor.hasSps());
        assertFalse(descriptor.hasPps());
    }

    @Test
    void rejectsMalformedAndUnsupportedPackets() {
        for (String hex : List.of(
                "",
                "00 00", "7e 00", "7f 00", // reserved types 0, 30, 31
                "79 00 01 00 02 65 00", "7a 00", "7b 00", "7d 85 00 00 b8", // STAP-B, MTAP16, MTAP24, FU-B
                "78", // STAP-A without units
                "78 00", // size field cut short
                "78 00 05 65 b8 00", // unit overruns the payload
                "78 00 00 00 01 67", // empty unit
                "78 00 01 67 00", // trailing byte that cannot hold a size
                "78 00 02 7c 85", // aggregated FU-A
                "7c", // FU-A without FU header
                "7c c5 b8", // S and E together
                "7c 80 b8", "7c 98 b8")) { // fragmented type 0 or STAP-A
            byte[] bytes = Bytes.hex(hex);
            assertFalse(parse(bytes), hex);
            assertEquals(0, descriptor.nalUnitType());
            assertFalse(descriptor.isKeyframe());
            assertFalse(descriptor.hasSps());
        }
    }

    @Test
    void staysInsideTheSliceOfALargerBuffer() {
        byte[] framed = Bytes.hex("ff ff " + "78 00 0e " + SPS + " 00 04 " + PPS + " 00 0c 65");
        assertFalse(descriptor.parse(framed, 2, framed.length - 2), "IDR size runs past the slice");
        assertTrue(descriptor.parse(framed, 2, 1 + 2 + 14 + 2 + 4));
        assertEquals(2, descriptor.aggregatedUnitCount());
    }

    @Test
    void survivesFuzzing() {
        ParserFuzzer.fuzz(
                (buffer, offset, length) -> descriptor.parse(buffer, offset, length) ? descriptor.toString() : null,
                List.of(STAP_A_SPS_PPS_IDR, STAP_A_SPS_PPS, FU_A_IDR_START, FU_A_IDR_MIDDLE, FU_A_IDR_END,
                        SINGLE_NON_IDR),
                100_000, 6184);
    }
}
