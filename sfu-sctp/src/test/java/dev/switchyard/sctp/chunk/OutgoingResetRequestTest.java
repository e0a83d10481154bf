package dev.switchyard.sctp.chunk;

import java.util.Arrays;
import java.util.List;

import dev.switchyard.rtp.testing.Hex;
import dev.switchyard.sctp.SctpParseException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OutgoingResetRequestTest {

    @Test
    void writesAndReadsEveryField() throws SctpParseException {
        OutgoingResetRequest request = new OutgoingResetRequest(0xFFFF_FFFFL, 2, 3, List.of(0, 0xFFFF, 7));
        byte[] expected = Hex.bytes("000d 0016 ffffffff 00000002 00000003 0000 ffff 0007 0000");
        assertArrayEquals(expected, written(request));
        assertEquals(22, request.length());
        assertEquals(OutgoingResetRequest.TYPE, request.type());
        assertEquals(request, OutgoingResetRequest.parse(expected, 4, 18));
    }

    @Test
    void anEmptyStreamListMeansAllStreams() throws SctpParseException {
        OutgoingResetRequest all = new OutgoingResetRequest(1, 2, 3, List.of());
        byte[] expected = Hex.bytes("000d 0010 00000001 00000002 00000003");
        assertArrayEquals(expected, written(all));
        assertEquals(all, OutgoingResetRequest.parse(expected, 4, 12));
    }

    @Test
    void rejectsHalfStreamsAndShortValues() {
        byte[] value = Hex.bytes("00000001 00000002 00000003 00");
        assertThrows(SctpParseException.class, () -> OutgoingResetRequest.parse(value, 0, 13));
        assertThrows(SctpParseException.class, () -> OutgoingResetRequest.parse(value, 0, 11));
        assertThrows(IllegalArgumentException.class, () -> new OutgoingResetRequest(-1, 0, 0, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new OutgoingResetRequest(0, 0, 0, List.of(0x10000)));
    }

    /** Written into a dirty buffer, so that the padding after an odd number of streams must be zeroed. */
    private static byte[] written(ReconfigParameter parameter) {
        byte[] buffer = new byte[parameter.serializedSize()];
        Arrays.fill(buffer, (byte) 0x55);
        assertEquals(buffer.length, parameter.writeTo(buffer, 0));
        return buffer;
    }
}
