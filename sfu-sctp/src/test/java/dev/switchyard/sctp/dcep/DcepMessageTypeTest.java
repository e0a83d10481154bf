package dev.switchyard.sctp.dcep;

import dev.switchyard.sctp.SctpParseException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DcepMessageTypeTest {

    @Test
    void tellsOpenFromAckByTheFirstByte() throws SctpParseException {
        assertEquals(DcepMessageType.DATA_CHANNEL_ACK, DcepMessageType.of(new DataChannelAck().serialize()));
        assertEquals(DcepMessageType.DATA_CHANNEL_OPEN,
                DcepMessageType.of(new DataChannelOpen(DataChannelOpen.RELIABLE, 0, 0, "a", "").serialize()));
        assertEquals(0x02, DcepMessageType.DATA_CHANNEL_ACK.value());
        assertEquals(0x03, DcepMessageType.DATA_CHANNEL_OPEN.value());
    }

    @Test
    void rejectsEmptyAndUnknownMessages() {
        assertThrows(SctpParseException.class, () -> DcepMessageType.of(new byte[0]));
        assertThrows(SctpParseException.class, () -> DcepMessageType.of(new byte[] {0x01}));
        assertThrows(SctpParseException.class, () -> DcepMessageType.of(new byte[] {(byte) 0xFF, 0x00}));
    }
}
