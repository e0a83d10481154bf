package dev.switchyard.sctp;

import java.util.Arrays;

import dev.switchyard.rtp.testing.Hex;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SctpChecksumTest {

    /** RFC 3720 §B.4: the CRC32c of 32 zero bytes is 0x8a9136aa, transmitted as the bytes aa 36 91 8a. */
    @Test
    void matchesTheRfc3720VectorInValueAndByteOrder() {
        byte[] zeros = new byte[32];
        assertEquals(0x8a9136aaL, SctpChecksum.compute(zeros, 0, zeros.length));
        SctpChecksum.write(zeros, 0, zeros.length);
        assertArrayEquals(Hex.bytes("aa36918a"), Arrays.copyOfRange(zeros, 8, 12));
        assertEquals(0x8a9136aaL, SctpChecksum.read(zeros, 0));
    }

    @Test
    void takesTheChecksumFieldAsZero() {
        byte[] packet = new byte[32];
        Arrays.fill(packet, 8, 12, (byte) 0x77);
        assertEquals(0x8a9136aaL, SctpChecksum.compute(packet, 0, packet.length));
    }

    @Test
    void agreesWithCapturedPackets() {
        assertEquals(SctpChecksum.read(SctpVectors.INIT, 0),
                SctpChecksum.compute(SctpVectors.INIT, 0, SctpVectors.INIT.length));
        assertEquals(0x339d01aaL, SctpChecksum.read(SctpVectors.INIT, 0));
        byte[] framed = new byte[SctpVectors.COOKIE_ACK_AND_SACK.length + 10];
        System.arraycopy(SctpVectors.COOKIE_ACK_AND_SACK, 0, framed, 5, SctpVectors.COOKIE_ACK_AND_SACK.length);
        assertEquals(SctpChecksum.read(framed, 5), SctpChecksum.compute(framed, 5,
                SctpVectors.COOKIE_ACK_AND_SACK.length));
    }
}
