package dev.switchyard.rtp.extension;

import dev.switchyard.rtp.testing.ParserFuzzer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TransportSequenceNumberTest {

    @Test
    void roundTripsInNetworkOrder() {
        byte[] buffer = new byte[4];
        for (int value : new int[] {0, 1, 0x1234, 0xFFFF}) {
            assertEquals(2, TransportSequenceNumber.write(buffer, 2, value));
            assertEquals(value, TransportSequenceNumber.read(buffer, 2, 2));
        }
        assertEquals(0x00FF, TransportSequenceNumber.read(new byte[] {0x00, (byte) 0xFF}, 0, 2));
    }

    @Test
    void rejectsWrongLengthsAndBadRanges() {
        assertEquals(TransportSequenceNumber.INVALID, TransportSequenceNumber.read(new byte[3], 0, 3));
        assertEquals(TransportSequenceNumber.INVALID, TransportSequenceNumber.read(new byte[2], 1, 2));
        assertEquals(TransportSequenceNumber.INVALID, TransportSequenceNumber.read(new byte[2], -1, 2));
        assertThrows(IllegalArgumentException.class, () -> TransportSequenceNumber.write(new byte[2], 0, 0x10000));
        assertThrows(IllegalArgumentException.class, () -> TransportSequenceNumber.write(new byte[2], 1, 0));
    }

    @Test
    void fuzz() {
        ParserFuzzer.fuzz(TransportSequenceNumber::read, List.of(new byte[] {0x00, 0x05}), 120_000, 16);
    }
}
