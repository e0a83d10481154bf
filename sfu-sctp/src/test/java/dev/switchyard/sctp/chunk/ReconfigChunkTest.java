package dev.switchyard.sctp.chunk;

import java.util.List;

import dev.switchyard.rtp.testing.Hex;
import dev.switchyard.sctp.SctpParseException;
import org.junit.jupiter.api.Test;

import static dev.switchyard.sctp.chunk.ChunkAssertions.assertRejected;
import static dev.switchyard.sctp.chunk.ChunkAssertions.assertTruncationsRejected;
import static dev.switchyard.sctp.chunk.ChunkAssertions.assertWireFormat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReconfigChunkTest {

    /** RFC 6525 §3.1 and §4.1 by hand: resetting stream 1; the parameter's padding is outside the length. */
    private static final byte[] RESET_STREAM_ONE = Hex.bytes("""
            82 00 0016
            000d 0012  00000001  00000000  00000099  0001 0000""");

    /** A request (padded inside the chunk, as it is not last) and a response (RFC 6525 §4.4). */
    private static final byte[] REQUEST_AND_RESPONSE = Hex.bytes("""
            82 00 0024
            000d 0012  00000001  00000000  00000099  0001 0000
            0010 000c  00000007  00000001""");

    @Test
    void writesAndReadsAResetRequest() throws SctpParseException {
        OutgoingResetRequest request = new OutgoingResetRequest(1, 0, 0x99, List.of(1));
        ReconfigChunk parsed = assertWireFormat(new ReconfigChunk(List.of(request)), RESET_STREAM_ONE,
                ReconfigChunk.class);
        assertEquals(List.of(request), parsed.parameters());
        assertEquals(24, parsed.serializedSize());
        assertEquals(ReconfigChunk.TYPE, parsed.type());
    }

    @Test
    void writesAndReadsTwoParameters() throws SctpParseException {
        List<ReconfigParameter> parameters = List.of(new OutgoingResetRequest(1, 0, 0x99, List.of(1)),
                new ReconfigResponse(7, ReconfigResponse.SUCCESS_PERFORMED));
        ReconfigChunk parsed = assertWireFormat(new ReconfigChunk(parameters), REQUEST_AND_RESPONSE,
                ReconfigChunk.class);
        assertEquals(parameters, parsed.parameters());
    }

    @Test
    void keepsParametersWithoutARecord() throws SctpParseException {
        byte[] incomingReset = Hex.bytes("82 00 0012 000e 000e 00000005 0002 0003 0004 0000");
        ReconfigChunk parsed = assertWireFormat(new ReconfigChunk(List.of(new UnknownReconfigParameter(14,
                Hex.bytes("00000005 0002 0003 0004")))), incomingReset, ReconfigChunk.class);
        UnknownReconfigParameter unknown = assertInstanceOf(UnknownReconfigParameter.class,
                parsed.parameters().get(0));
        assertEquals(14, unknown.type());
        assertArrayEquals(Hex.bytes("00000005 0002 0003 0004"), unknown.value());
    }

    @Test
    void rejectsNoneOrMoreThanTwoParametersAndTruncations() throws SctpParseException {
        assertRejected(Hex.bytes("82 00 0004"));
        assertRejected(Hex.bytes("82 00 0010 0011 0004 0011 0004 0011 0004"));
        assertRejected(Hex.bytes("82 00 000c 0010 0008 00000007"));
        assertTruncationsRejected(RESET_STREAM_ONE);
        assertTruncationsRejected(REQUEST_AND_RESPONSE);
        assertThrows(IllegalArgumentException.class, () -> new ReconfigChunk(List.of()));
        ReconfigResponse response = new ReconfigResponse(1, ReconfigResponse.DENIED);
        assertThrows(IllegalArgumentException.class, () -> new ReconfigChunk(List.of(response, response, response)));
    }
}
