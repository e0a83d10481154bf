package dev.switchyard.sctp.chunk;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.switchyard.rtp.testing.Hex;
import dev.switchyard.sctp.SctpParseException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ErrorCauseTest {

    @Test
    void codesAreThoseOfRfc9260() {
        assertEquals(1, ErrorCause.INVALID_STREAM_IDENTIFIER);
        assertEquals(2, ErrorCause.MISSING_MANDATORY_PARAMETER);
        assertEquals(6, ErrorCause.UNRECOGNIZED_CHUNK_TYPE);
        assertEquals(9, ErrorCause.NO_USER_DATA);
        assertEquals(12, ErrorCause.USER_INITIATED_ABORT);
        assertEquals(13, ErrorCause.PROTOCOL_VIOLATION);
    }

    @Test
    void carriesAReasonInUtf8() {
        ErrorCause cause = ErrorCause.withReason(ErrorCause.USER_INITIATED_ABORT, "fermé");
        assertEquals(ErrorCause.USER_INITIATED_ABORT, cause.code());
        assertArrayEquals("fermé".getBytes(StandardCharsets.UTF_8), cause.information());
        assertEquals("fermé", cause.informationText());
    }

    @Test
    void reportsAnUnrecognizedChunkAsItCame() throws SctpParseException {
        UnknownChunk unknown = (UnknownChunk) ChunkAssertions.parseOne(Hex.bytes("c1 5a 0007 010203 00"));
        ErrorCause cause = ErrorCause.unrecognizedChunk(unknown);
        assertEquals(ErrorCause.UNRECOGNIZED_CHUNK_TYPE, cause.code());
        assertArrayEquals(Hex.bytes("c1 5a 0007 010203"), cause.information());
    }

    @Test
    void listsPadEveryCauseButCountOnlyTheLastOnesPaddingOutside() throws SctpParseException {
        List<ErrorCause> causes = List.of(new ErrorCause(1, new byte[] {9}), new ErrorCause(2, new byte[] {8}));
        assertEquals(8 + 5, ErrorCause.listLength(causes));
        byte[] buffer = new byte[16];
        ErrorCause.writeList(buffer, 0, causes);
        assertArrayEquals(Hex.bytes("0001 0005 09 000000 0002 0005 08 000000"), buffer);
        List<ErrorCause> parsed = ErrorCause.parseList("test", buffer, 0, 13);
        assertEquals(2, parsed.size());
        assertArrayEquals(new byte[] {8}, parsed.get(1).information());
    }

    @Test
    void constructorRejectsWhatCannotBeWritten() {
        assertThrows(IllegalArgumentException.class, () -> new ErrorCause(0x10000, new byte[0]));
        assertThrows(NullPointerException.class, () -> new ErrorCause(1, null));
        assertThrows(IllegalArgumentException.class, () -> new ErrorCause(1, new byte[0xFFFF - 4 + 1]));
    }
}
