package dev.switchyard.sctp.chunk;

import dev.switchyard.sctp.SctpParseException;

/**
 * Heartbeat Request, HEARTBEAT (RFC 9260 §3.3.5): probes a path; the peer answers with a HEARTBEAT ACK carrying
 * the same info.
 *
 * <p>{@code info} is held as given, not copied: do not change the array after handing it over. A parsed chunk's
 * info is a copy of the packet's bytes.
 *
 * @param info the value of the Heartbeat Info parameter (type 1), opaque to the receiver
 */
public record HeartbeatChunk(byte[] info) implements Chunk {

    public static final int TYPE = 4;

    public HeartbeatChunk {
        HeartbeatInfo.validate("HEARTBEAT", info);
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

    static HeartbeatChunk parse(byte[] buffer, int offset, int length) throws SctpParseException {
        return new HeartbeatChunk(HeartbeatInfo.parse("HEARTBEAT", buffer, offset, length));
    }
}
