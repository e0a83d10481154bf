package dev.switchyard.codec;

import dev.switchyard.rtp.testing.ParserFuzzer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Vp9DescriptorTest {

    // VP9 uncompressed header starts: frame marker, then for keyframes the sync code 49 83 42.
    private static final String KEYFRAME_PAYLOAD = "82 49 83 42 00 4f f0 2c f4";
    private static final String INTERFRAME_PAYLOAD = "86 00 40 92 88 2c 09 0c";

    // Chromium without SVC uses flexible mode: I F B V; 15-bit picture id 4660; no layer indices;
    // scalability structure N_S=0 Y=1 G=0 announcing one 1280x720 layer.
    private static final byte[] CHROMIUM_KEYFRAME = Bytes.hex("9a 92 34 10 05 00 02 d0" + KEYFRAME_PAYLOAD);
    // Next picture: I P F B E, one reference one picture back (P_DIFF=1, N=0).
    private static final byte[] CHROMIUM_DELTA = Bytes.hex("dc 92 35 02" + INTERFRAME_PAYLOAD);
    // A middle packet of the keyframe: no B, so not where a decoder can start.
    private static final byte[] CHROMIUM_KEYFRAME_MIDDLE = Bytes.hex("90 92 34 3e 11 c0 77");
    // RFC 9628 §4.2 non-flexible mode with L: I L B E V; 7-bit picture id 5; TID 0 U 0 SID 0 D 0;
    // TL0PICIDX 7; SS N_S=1 Y=1 G=1 with 320x180 and 640x360 and a two-picture group
    // (TID 0 R=1 P_DIFF 4; TID 1 U=1 R=1 P_DIFF 1).
    private static final byte[] NON_FLEXIBLE_KEYFRAME = Bytes.hex(
            "ae 05 00 07 38 01 40 00 b4 02 80 01 68 02 04 04 34 01" + KEYFRAME_PAYLOAD);
    // Spatial layer 1 of the same picture: I L B E; SID 1 with inter-layer dependency (D=1).
    private static final byte[] NON_FLEXIBLE_UPPER_LAYER = Bytes.hex("ac 05 03 07" + INTERFRAME_PAYLOAD);
    // Flexible mode with layer indices (TID 1, SID 1, D=1) and the maximum three references: P_DIFF 1, 2
    // and 4 chained by N.
    private static final byte[] THREE_REFERENCES = Bytes.hex("f8 92 36 23 03 05 08" + INTERFRAME_PAYLOAD);

    private final Vp9Descriptor descriptor = new Vp9Descriptor();

    private boolean parse(byte[] bytes) {
        return descriptor.parse(bytes, 0, bytes.length);
    }

    @Test
    void parsesChromiumFlexibleModeKeyframe() {
        assertTrue(parse(CHROMIUM_KEYFRAME));
        assertEquals(8, descriptor.headerSize());
        assertEquals(4660, descriptor.pictureId());
        assertEquals(15, descriptor.pictureIdBits());
        assertTrue(descriptor.isFlexibleMode());
        assertFalse(descriptor.isInterPicturePredicted());
        assertTrue(descriptor.isStartOfFrame());
        assertFalse(descriptor.isEndOfFrame());
        assertFalse(descriptor.hasLayerIndices());
        assertEquals(-1, descriptor.spatialId());
        assertEquals(-1, descriptor.temporalId());
        assertEquals(-1, descriptor.tl0PicIdx());
        assertEquals(0, descriptor.referenceCount());
        assertTrue(descriptor.hasScalabilityStructure());
        assertEquals(1, descriptor.spatialLayerCount());
        assertTrue(descriptor.hasResolutions());
        assertEquals(1280, descriptor.width(0));
        assertEquals(720, descriptor.height(0));
        assertTrue(descriptor.isKeyframe());
    }

    @Test
    void parsesChromiumFlexibleModeDeltaFrame() {
        assertTrue(parse(CHROMIUM_DELTA));
        assertEquals(4, descriptor.headerSize());
        assertEquals(4661, descriptor.pictureId());
        assertTrue(descriptor.isInterPicturePredicted());
        assertTrue(descriptor.isEndOfFrame());
        assertEquals(1, descriptor.referenceCount());
        assertEquals(1, descriptor.referenceDiff(0));
        assertFalse(descriptor.hasScalabilityStructure());
        assertEquals(0, descriptor.spatialLayerCount());
        assertFalse(descriptor.isKeyframe());
    }

    @Test
    void onlyTheFirstPacketOfAKeyframeIsAKeyframe() {
        assertTrue(parse(CHROMIUM_KEYFRAME_MIDDLE));
        assertEquals(3, descriptor.headerSize());
        assertFalse(descriptor.isStartOfFrame());
        assertFalse(descriptor.isKeyframe());
    }

    @Test
    void parsesNonFlexibleModeWithScalabilityStructure() {
        assertTrue(parse(NON_FLEXIBLE_KEYFRAME));
        assertEquals(18, descriptor.headerSize());
        assertEquals(5, descriptor.pictureId());
        assertEquals(7, descriptor.pictureIdBits());
        assertFalse(descriptor.isFlexibleMode());
        assertTrue(descriptor.hasLayerIndices());
        assertEquals(0, descriptor.temporalId());
        assertEquals(0, descriptor.spatialId());
        assertEquals(7, descriptor.tl0PicIdx());
        assertEquals(2, descriptor.spatialLayerCount());
        assertEquals(320, descriptor.width(0));
        assertEquals(180, descriptor.height(0));
        assertEquals(640, descriptor.width(1));
        assertEquals(360, descriptor.height(1));
        assertTrue(descriptor.isKeyframe());
    }

    @Test
    void upperSpatialLayerIsNotAKeyframe() {
        assertTrue(parse(NON_FLEXIBLE_UPPER_LAYER));
        assertEquals(1, descriptor.spatialId());
        assertTrue(descriptor.isInterLayerDependent());
        assertFalse(descriptor.isInterPicturePredicted());
        assertFalse(descriptor.isKeyframe());
    }

    @Test
    void parsesLayerIndicesInFlexibleModeWithoutTl0PicIdx() {
        assertTrue(parse(THREE_REFERENCES));
        assertEquals(7, descriptor.headerSize());
        assertEquals(1, descriptor.temporalId());
        assertEquals(1, descriptor.spatialId());
        assertTrue(descriptor.isInterLayerDependent());
        assertEquals(-1, descriptor.tl0PicIdx());
        assertEquals(3, descriptor.referenceCount());
        assertEquals(1, descriptor.referenceDiff(0));
        assertEquals(2, descriptor.referenceDiff(1));
        assertEquals(4, descriptor.referenceDiff(2));
    }

    @Test
    void readsTheLowBitsAsFlags() {
        byte[] bits = Bytes.hex("a9 05 f3 07 00");
        assertTrue(parse(bits));
        assertTrue(descriptor.isNotUpperLayerReference());
        assertEquals(7, descriptor.temporalId());
        assertTrue(descriptor.isSwitchingUpPoint());
        assertEquals(1, descriptor.spatialId());
        assertTrue(descriptor.isInterLayerDependent());
    }

    @Test
    void rejectsMalformedDescriptors() {
        for (String hex : List.of(
                "",
                "9a 92 34 10 05 00 02 d0", // no payload after the descriptor
                "80", "80 92", // picture id truncated
                "a0 05", "a0 05 00", // layer indices or TL0PICIDX missing
                "d0 92 36", "d0 92 36 03", // reference announced but missing, or chain cut short
                "d0 92 36 03 05 07 08 00", // a fourth reference
                "02", "02 10 05 00 02", // SS header or its resolutions truncated
                "02 08", "02 08 01 04", // picture group size or its references truncated
                "02 38 01 40 00 b4 00")) { // two layers announced, one resolution present
            byte[] bytes = Bytes.hex(hex);
            assertFalse(parse(bytes), hex);
            assertEquals(0, descriptor.headerSize());
            assertFalse(descriptor.isKeyframe());
        }
    }

    @Test
    void rewritesPictureIdAndTl0PicIdxInPlace() {
        byte[] packet = NON_FLEXIBLE_KEYFRAME.clone();
        assertTrue(parse(packet));
        descriptor.setPictureId(130);
        descriptor.setTl0PicIdx(-1);

        Vp9Descriptor reparsed = new Vp9Descriptor();
        assertTrue(reparsed.parse(packet, 0, packet.length));
        assertEquals(130 & 0x7F, reparsed.pictureId());
        assertEquals(255, reparsed.tl0PicIdx());
        assertEquals(2, reparsed.spatialLayerCount());
        Bytes.assertOnlyChanged(NON_FLEXIBLE_KEYFRAME, packet, 1, 3);
        assertEquals(NON_FLEXIBLE_KEYFRAME[2], packet[2]);
    }

    @Test
    void rewritesLongPictureIdInPlace() {
        byte[] packet = CHROMIUM_DELTA.clone();
        assertTrue(parse(packet));
        descriptor.setPictureId(32767 + 3);

        assertTrue(parse(packet));
        assertEquals(2, descriptor.pictureId());
        assertEquals(15, descriptor.pictureIdBits());
        Bytes.assertOnlyChanged(CHROMIUM_DELTA, packet, 1, 2);
    }

    @Test
    void refusesToRewriteTl0PicIdxInFlexibleMode() {
        assertTrue(parse(CHROMIUM_DELTA));
        assertThrows(IllegalStateException.class, () -> descriptor.setTl0PicIdx(1));
    }

    @Test
    void survivesFuzzing() {
        ParserFuzzer.fuzz(
                (buffer, offset, length) -> descriptor.parse(buffer, offset, length) ? descriptor.toString() : null,
                List.of(CHROMIUM_KEYFRAME, CHROMIUM_DELTA, CHROMIUM_KEYFRAME_MIDDLE, NON_FLEXIBLE_KEYFRAME,
                        NON_FLEXIBLE_UPPER_LAYER, THREE_REFERENCES),
                100_000, 0x9628);
    }
}
