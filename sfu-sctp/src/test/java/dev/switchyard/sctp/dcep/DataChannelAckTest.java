package dev.switchyard.sctp.dcep;

import dev.switchyard.sctp.SctpParseException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataChannelAckTest {

    @Test
    void isTheSingleByte0x02() throws SctpParseException {
        assertArrayEquals(new byte[] {0x02}, new DataChannelAck().serialize());
        assertTrue(DataChannelAck.isAck(new byte[] {0x02}));
        assertEquals(new DataChannelAck(), DataChannelAck.parse(new byte[] {0x02}));
    }

    @Test
    void rejectsAnythingElse() {
        for (byte[] other : new byte[][] {{}, {0x03}, {0x02, 0x00}, {(byte) 0x82}}) {
            assertFalse(DataChannelAck.isAck(other));
            assertThrows(SctpParseException.class, () -> DataChannelAck.parse(other));
        }
    }
}
