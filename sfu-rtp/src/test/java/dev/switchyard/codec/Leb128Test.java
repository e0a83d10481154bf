package dev.switchyard.codec;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class Leb128Test {

    private static long read(String hex) {
        byte[] bytes = Bytes.hex(hex);
        return Leb128.read(bytes, 0, bytes.length);
    }

    @Test
    void readsValueAndSize() {
        assertEquals(0, Leb128.value(read("00")));
        assertEquals(1, Leb128.size(read("00")));
        assertEquals(127, Leb128.value(read("7f")));
        assertEquals(128, Leb128.value(read("80 01")));
        assertEquals(2, Leb128.size(read("80 01")));
        assertEquals(0xFFFF_FFFFL, Leb128.value(read("ff ff ff ff 0f")));
        assertEquals(5, Leb128.size(read("ff ff ff ff 0f")));
    }

    @Test
    void stopsAtTheFirstByteWithoutContinuation() {
        long packed = read("05 ff ff");
        assertEquals(5, Leb128.value(packed));
        assertEquals(1, Leb128.size(packed));
    }

    @Test
    void acceptsPaddedEncodingsUpToEightBytes() {
        long packed = read("80 80 80 80 80 80 80 00");
        assertEquals(0, Leb128.value(packed));
        assertEquals(8, Leb128.size(packed));
    }

    @Test
    void rejectsTruncatedOverlongAndOutOfRange() {
        assertEquals(Leb128.INVALID, read(""));
        assertEquals(Leb128.INVALID, read("80"));
        assertEquals(Leb128.INVALID, read("80 80 80 80 80 80 80 80 00"));
        assertEquals(Leb128.INVALID, read("80 80 80 80 10"));
    }

    @Test
    void neverReadsAtOrPastEnd() {
        byte[] bytes = Bytes.hex("80 01");
        assertEquals(Leb128.INVALID, Leb128.read(bytes, 0, 1));
        assertEquals(Leb128.INVALID, Leb128.read(bytes, 2, 2));
    }
}
