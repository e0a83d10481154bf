package dev.switchyard.sctp.chunk;

import java.util.ArrayList;
import java.util.List;

import dev.switchyard.sctp.SctpParseException;

/**
 * Re-configuration, RE-CONFIG (RFC 6525 §3.1): one or two stream reconfiguration parameters.
 *
 * @param parameters one or two parameters, unmodifiable
 */
public record ReconfigChunk(List<ReconfigParameter> parameters) implements Chunk {

    public static final int TYPE = 130;

    public ReconfigChunk {
        parameters = List.copyOf(parameters);
        if (parameters.isEmpty() || parameters.size() > 2) {
            throw new IllegalArgumentException("a RE-CONFIG chunk carries one or two parameters, got "
                    + parameters.size());
        }
        ChunkHeader.requireLength("RE-CONFIG", length(parameters));
    }

    /** The chunk length field: header and parameters, the last one's padding excluded. */
    private static int length(List<ReconfigParameter> parameters) {
        int length = ChunkHeader.SIZE;
        for (ReconfigParameter parameter : parameters) {
            length = Tlv.append(length, parameter.length());
        }
        return length;
    }

    @Override
    public int type() {
        return TYPE;
    }

    @Override
    public int serializedSize() {
        return ChunkHeader.padded(length(parameters));
    }

    @Override
    public int writeTo(byte[] buffer, int offset) {
        int size = ChunkHeader.write(buffer, offset, TYPE, 0, length(parameters));
        int position = offset + ChunkHeader.SIZE;
        for (ReconfigParameter parameter : parameters) {
            position += parameter.writeTo(buffer, position);
        }
        return size;
    }

    static ReconfigChunk parse(byte[] buffer, int offset, int length) throws SctpParseException {
        List<ReconfigParameter> parameters = new ArrayList<>(2);
        Tlv.forEach("RE-CONFIG parameter", buffer, offset, length, (type, valueOffset, valueLength) -> {
            if (parameters.size() == 2) {
                throw new SctpParseException("RE-CONFIG chunk carries more than two parameters");
            }
            parameters.add(switch (type) {
                case OutgoingResetRequest.TYPE -> OutgoingResetRequest.parse(buffer, valueOffset, valueLength);
                case ReconfigResponse.TYPE -> ReconfigResponse.parse(buffer, valueOffset, valueLength);
                default -> UnknownReconfigParameter.parse(type, buffer, valueOffset, valueLength);
            });
        });
        if (parameters.isEmpty()) {
            throw new SctpParseException("RE-CONFIG chunk without parameters");
        }
        return new ReconfigChunk(parameters);
    }
}
