package dev.switchyard.codec;

import dev.switchyard.rtp.testing.ParserFuzzer;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Vp8DescriptorTest {

    // RFC 6386 §9.1: keyframe tag (P=0, shown), start code 9d 01 2a, 640x360 little-endian, then data.
    private static final String KEYFRAME_640X360 = "50 42 00 9d 01 2a 80 02 68 01 34 25 a4";
    // Interframe tag (P=1), the rest of the first partition.
    private static final String INTERFRAME = "b1 3a 00 11 0c 60 f6 00";

    // Chromium with temporal layers (simulcast): X=1 S=1 PID=0; I L T; 15-bit picture id 2620;
    // TL0PICIDX 5; TID 0 with Y=1.
    private static final byte[] CHROMIUM_KEYFRAME = Bytes.hex("90 e0 8a 3c 05 20" + KEYFRAME_640X360);
    // The next picture: picture id 2621 on temporal layer 1, same TL0PICIDX.
    private static final byte[] CHROMIUM_DELTA = Bytes.hex("90 e0 8a 3d 05 40" + INTERFRAME);
    // A later packet of the keyframe: S=0, so its first byte is not a payload header.
    private static final byte[] CHROMIUM_KEYFRAME_CONTINUATION = Bytes.hex("80 e0 8a 3c 05 20 00 7e 20 1f");
    // RFC 7741 §4.2 without extensions: just X=0 S=1 PID=0.
    private static final byte[] MINIMAL_KEYFRAME = Bytes.hex("10" + KEYFRAME_640X360);
    // 7-bit picture id 17 (M=0) and KEYIDX 31 without TID; N=1, partition 2.
    private static final byte[] SHORT_PICTURE_ID_AND_KEYIDX = Bytes.hex("a2 90 11 1f" + INTERFRAME);

    private final Vp8Descriptor descriptor = new Vp8Descriptor();

    @Test
    void parsesChromiumKeyframe() {
        assertTrue(descriptor.parse(CHROMIUM_KEYFRAME, 0, CHROMIUM_KEYFRAME.length));
        assertEquals(6, descriptor.headerSize());
        assertTrue(descriptor.isStartOfPartition());
        assertFalse(descriptor.isNonReference());
        assertEquals(0, descriptor.partitionIndex());
        assertEquals(2620, descriptor.pictureId());
        assertEquals(15, descriptor.pictureIdBits());
        assertEquals(5, descriptor.tl0PicIdx());
        assertEquals(0, descriptor.temporalId());
        assertTrue(descriptor.isLayerSync());
        assertEquals(-1, descriptor.keyIndex());
        assertTrue(descriptor.isKeyframe());
        assertEquals(640, descriptor.width());
        assertEquals(360, descriptor.height());
    }

    @Test
    void parsesChromiumDeltaFrame() {
        assertTrue(descriptor.parse(CHROMIUM_DELTA, 0, CHROMIUM_DELTA.length));
        assertEquals(2621, descriptor.pictureId());
        assertEquals(5, descriptor.tl0PicIdx());
        assertEquals(1, descriptor.temporalId());
        assertFalse(descriptor.isLayerSync());
        assertFalse(descriptor.isKeyframe());
        assertEquals(0, descriptor.width());
    }

    @Test
    void onlyTheFirstPacketOfAKeyframeIsAKeyframe() {
        assertTrue(descriptor.parse(CHROMIUM_KEYFRAME_CONTINUATION, 0, CHROMIUM_KEYFRAME_CONTINUATION.length));
        assertFalse(descriptor.isStartOfPartition());
        assertFalse(descriptor.isKeyframe());
    }

    @Test
    void keyframeNeedsPartitionZero() {
        byte[] partitionOne = Bytes.hex("11" + KEYFRAME_640X360);
        assertTrue(descriptor.parse(partitionOne, 0, partitionOne.length));
        assertEquals(1, descriptor.partitionIndex());
        assertFalse(descriptor.isKeyframe());
    }

    @Test
    void parsesDescriptorWithoutExtensions() {
        assertTrue(descriptor.parse(MINIMAL_KEYFRAME, 0, MINIMAL_KEYFRAME.length));
        assertEquals(1, descriptor.headerSize());
        assertEquals(-1, descriptor.pictureId());
        assertEquals(0, descriptor.pictureIdBits());
        assertEquals(-1, descriptor.tl0PicIdx());
        assertEquals(-1, descriptor.temporalId());
        assertTrue(descriptor.isKeyframe());
        assertEquals(640, descriptor.width());
    }

    @Test
    void parsesShortPictureIdAndKeyIndex() {
        assertTrue(descriptor.parse(SHORT_PICTURE_ID_AND_KEYIDX, 0, SHORT_PICTURE_ID_AND_KEYIDX.length));
        assertEquals(4, descriptor.headerSize());
        assertTrue(descriptor.isNonReference());
        assertEquals(2, descriptor.partitionIndex());
        assertEquals(17, descriptor.pictureId());
        assertEquals(7, descriptor.pictureIdBits());
        assertEquals(31, descriptor.keyIndex());
        assertEquals(-1, descriptor.temporalId());
    }

    @Test
    void keyframeWithoutStartCodeHasNoDimensions() {
        byte[] shortKeyframe = Bytes.hex("10 50 42 00");
        assertTrue(descriptor.parse(shortKeyframe, 0, shortKeyframe.length));
        assertTrue(descriptor.isKeyframe());
        assertEquals(0, descriptor.width());
        assertEquals(0, descriptor.height());
    }

    @Test
    void parsesAtAnOffset() {
        byte[] framed = new byte[CHROMIUM_KEYFRAME.length + 20];
        System.arraycopy(CHROMIUM_KEYFRAME, 0, framed, 12, CHROMIUM_KEYFRAME.length);
        assertTrue(descriptor.parse(framed, 12, CHROMIUM_KEYFRAME.length));
        assertEquals(2620, descriptor.pictureId());
        assertTrue(descriptor.isKeyframe());
    }

    @Test
    void rejectsTruncatedDescriptors() {
        for (String hex : List.of("", "10", "90", "90 80", "90 80 80", "90 80 8a 3c", "90 40", "90 20", "90 10",
                "90 e0 8a 3c 05", "90 e0 8a 3c 05 20")) {
            byte[] bytes = Bytes.hex(hex);
            assertFalse(descriptor.parse(bytes, 0, bytes.length), hex);
            assertEquals(0, descriptor.headerSize());
        }
    }

    @Test
    void rejectsSlicesOutsideTheBuffer() {
        assertFalse(descriptor.parse(CHROMIUM_KEYFRAME, -1, 4));
        assertFalse(descriptor.parse(CHROMIUM_KEYFRAME, 4, CHROMIUM_KEYFRAME.length));
        assertFalse(descriptor.parse(CHROMIUM_KEYFRAME, 0, -1));
        assertFalse(descriptor.parse(null, 0, 0));
    }

    @Test
    void rewritesLongPictureIdInPlaceModulo2To15() {
        byte[] packet = CHROMIUM_KEYFRAME.clone();
        assertTrue(descriptor.parse(packet, 0, packet.length));
        descriptor.setPictureId(0x8000 + 77);
        assertEquals(77, descriptor.pictureId());

        Vp8Descriptor reparsed = new Vp8Descriptor();
        assertTrue(reparsed.parse(packet, 0, packet.length));
        assertEquals(77, reparsed.pictureId());
        assertEquals(15, reparsed.pictureIdBits());
        Bytes.assertOnlyChanged(CHROMIUM_KEYFRAME, packet, 2, 3);
    }

    @Test
    void rewritesShortPictureIdInPlaceModulo2To7() {
        byte[] packet = SHORT_PICTURE_ID_AND_KEYIDX.clone();
        assertTrue(descriptor.parse(packet, 0, packet.length));
        descriptor.setPictureId(200);

        Vp8Descriptor reparsed = new Vp8Descriptor();
        assertTrue(reparsed.parse(packet, 0, packet.length));
        assertEquals(200 & 0x7F, reparsed.pictureId());
        assertEquals(7, reparsed.pictureIdBits());
        assertEquals(31, reparsed.keyIndex());
        Bytes.assertOnlyChanged(SHORT_PICTURE_ID_AND_KEYIDX, packet, 2, 2);
    }

    @Test
    void rewritesTl0PicIdxInPlaceAtAnOffset() {
        byte[] framed = new byte[CHROMIUM_DELTA.length + 9];
        System.arraycopy(CHROMIUM_DELTA, 0, framed, 9, CHROMIUM_DELTA.length);
        assertTrue(descriptor.parse(framed, 9, CHROMIUM_DELTA.length));
        descriptor.setTl0PicIdx(256 + 42);

        Vp8Descriptor reparsed = new Vp8Descriptor();
        assertTrue(reparsed.parse(framed, 9, CHROMIUM_DELTA.length));
        assertEquals(42, reparsed.tl0PicIdx());
        assertEquals(2621, reparsed.pictureId());
        assertEquals(1, reparsed.temporalId());
        byte[] packet = Arrays.copyOfRange(framed, 9, framed.length);
        Bytes.assertOnlyChanged(CHROMIUM_DELTA, packet, 4, 4);
    }

    @Test
    void refusesToRewriteAbsentFields() {
        assertTrue(descriptor.parse(MINIMAL_KEYFRAME, 0, MINIMAL_KEYFRAME.length));
        assertThrows(IllegalStateException.class, () -> descriptor.setPictureId(1));
        assertThrows(IllegalStateException.class, () -> descriptor.setTl0PicIdx(1));

        assertFalse(descriptor.parse(Bytes.hex("90 e0 8a 3c 05"), 0, 5));
        assertThrows(IllegalStateException.class, () -> descriptor.setPictureId(1));
    }

    @Test
    void survivesFuzzing() {
        ParserFuzzer.fuzz(
                (buffer, offset, length) -> descriptor.parse(buffer, offset, length) ? descriptor.toString() : null,
                List.of(CHROMIUM_KEYFRAME, CHROMIUM_DELTA, CHROMIUM_KEYFRAME_CONTINUATION, MINIMAL_KEYFRAME,
                        SHORT_PICTURE_ID_AND_KEYIDX),
                100_000, 0x7741);
    }
}
