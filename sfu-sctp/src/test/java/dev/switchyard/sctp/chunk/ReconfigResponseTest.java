package dev.switchyard.sctp.chunk;

import dev.switchyard.rtp.testing.Hex;
import dev.switchyard.sctp.SctpParseException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReconfigResponseTest {

    @Test
    void writesAndReadsBothFields() throws SctpParseException {
        ReconfigResponse response = new ReconfigResponse(0x01020304L, ReconfigResponse.ERROR_IN_PROGRESS);
        byte[] expected = Hex.bytes("0010 000c 01020304 00000006");
        byte[] buffer = new byte[response.serializedSize()];
        assertEquals(12, response.writeTo(buffer, 0));
        assertArrayEquals(expected, buffer);
        assertEquals(ReconfigResponse.TYPE, response.type());
        assertEquals(response, ReconfigResponse.parse(expected, 4, 8));
    }

    @Test
    void resultCodesAreThoseOfRfc6525() {
        assertEquals(0, ReconfigResponse.SUCCESS_NOTHING_TO_DO);
        assertEquals(1, ReconfigResponse.SUCCESS_PERFORMED);
        assertEquals(2, ReconfigResponse.DENIED);
        assertEquals(3, ReconfigResponse.ERROR_WRONG_SSN);
        assertEquals(4, ReconfigResponse.ERROR_REQUEST_ALREADY_IN_PROGRESS);
        assertEquals(5, ReconfigResponse.ERROR_BAD_SEQUENCE_NUMBER);
        assertEquals(6, ReconfigResponse.ERROR_IN_PROGRESS);
    }

    @Test
    void acceptsTheOptionalTsnsAndRejectsOtherLengths() throws SctpParseException {
        byte[] withTsns = Hex.bytes("00000009 00000001 0000000a 0000000b");
        assertEquals(new ReconfigResponse(9, 1), ReconfigResponse.parse(withTsns, 0, 16));
        assertThrows(SctpParseException.class, () -> ReconfigResponse.parse(withTsns, 0, 12));
        assertThrows(SctpParseException.class, () -> ReconfigResponse.parse(withTsns, 0, 4));
        assertThrows(IllegalArgumentException.class, () -> new ReconfigResponse(0, 1L << 32));
    }
}
