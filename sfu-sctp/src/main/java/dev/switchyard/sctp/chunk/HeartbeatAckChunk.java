package dev.switchyard.sctp.chunk;

import dev.switchyard.sctp.SctpParseException;

/**
 * Heartbeat Acknowledgement, HEARTBEAT ACK (RFC 9260 §3.3.6): the answer to a HEARTBEAT, returning its info
 * unchanged.
 *
 * <p>{@code info} is held as given, not copied: do not change the array after handing it over. A parsed chunk's
 * info is a copy of the packet's bytes.
 *
 * @param info the value of the Heartbeat Info parameter (type 1), opaque to the receiver
 */
public record HeartbeatAckChunk(byte[] info) implements Chunk {

    public static final int TYPE = 5;

    public HeartbeatAckChunk {
        HeartbeatInfo.validate("HEARTBEAT ACK", info);
    }

    @Override
    public int type() {
        return TYPE;
    }

    @Override
    public int serializedSize() {
        return ChunkHeader.padded(HeartbeatInfo.length(info));
    }

    @Override
    public int writeTo(byte[] buffer, int offset) {
        return HeartbeatInfo.write(buffer, offset, TYPE, info);
    }

    static HeartbeatAckChunk parse(byte[] buffer, int offset, int length) throws SctpParseException {
        return new HeartbeatAckChunk(HeartbeatInfo.parse("HEARTBEAT ACK", buffer, offset, length));
    }
}
