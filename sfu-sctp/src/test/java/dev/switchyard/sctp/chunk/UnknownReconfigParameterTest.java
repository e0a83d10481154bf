package dev.switchyard.sctp.chunk;

import dev.switchyard.rtp.testing.Hex;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UnknownReconfigParameterTest {

    @Test
    void writesTypeAndValueWithZeroPadding() {
        UnknownReconfigParameter add = new UnknownReconfigParameter(17, Hex.bytes("00000001 0002"));
        byte[] buffer = Hex.bytes("5555 5555 55555555 5555 5555");
        assertEquals(12, add.writeTo(buffer, 0));
        assertArrayEquals(Hex.bytes("0011 000a 00000001 0002 0000"), buffer);
        assertEquals(10, add.length());
        UnknownReconfigParameter parsed = UnknownReconfigParameter.parse(17, buffer, 4, 6);
        assertEquals(17, parsed.type());
        assertArrayEquals(add.value(), parsed.value());
    }

    @Test
    void cannotStandInForAParameterThatHasARecord() {
        assertThrows(IllegalArgumentException.class, () -> new UnknownReconfigParameter(13, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new UnknownReconfigParameter(16, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new UnknownReconfigParameter(0x10000, new byte[0]));
        assertThrows(IndexOutOfBoundsException.class,
                () -> new UnknownReconfigParameter(17, new byte[1]).writeTo(new byte[7], 0));
    }
}
