package dev.switchyard.sctp.chunk;

import java.util.List;

import dev.switchyard.sctp.SctpParseException;

/**
 * Operation Error, ERROR (RFC 9260 §3.3.10): reports conditions that do not end the association, such as an
 * unrecognized chunk whose type asks to be reported.
 *
 * @param causes error causes, unmodifiable
 */
public record ErrorChunk(List<ErrorCause> causes) implements Chunk {

    public static final int TYPE = 9;

    public ErrorChunk {
        causes = List.copyOf(causes);
        ChunkHeader.requireLength("ERROR", ChunkHeader.SIZE + ErrorCause.listLength(causes));
    }

    @Override
    public int type() {
        return TYPE;
    }

    @Override
    public int serializedSize() {
        return ChunkHeader.padded(ChunkHeader.SIZE + ErrorCause.listLength(causes));
    }

    @Override
    public int writeTo(byte[] buffer, int offset) {
        int size = ChunkHeader.write(buffer, offset, TYPE, 0, ChunkHeader.SIZE + ErrorCause.listLength(causes));
        ErrorCause.writeList(buffer, offset + ChunkHeader.SIZE, causes);
        return size;
    }

    static ErrorChunk parse(byte[] buffer, int offset, int length) throws SctpParseException {
        return new ErrorChunk(ErrorCause.parseList("ERROR", buffer, offset, length));
    }
}
