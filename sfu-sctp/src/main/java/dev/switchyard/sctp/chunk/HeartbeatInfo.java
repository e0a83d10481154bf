package dev.switchyard.sctp.chunk;

import java.util.Arrays;
import java.util.Objects;

import dev.switchyard.sctp.SctpParseException;

/**
 * The one parameter HEARTBEAT and HEARTBEAT ACK carry (RFC 9260 §3.3.5, §3.3.6): Heartbeat Info, type 1, whose
 * value is opaque to the receiver and returned unchanged.
 */
final class HeartbeatInfo {

    static final int PARAMETER_TYPE = 1;

    private HeartbeatInfo() {
    }

    static byte[] validate(String chunk, byte[] info) {
        Objects.requireNonNull(info, "info");
        Tlv.requireValueLength(chunk + " Heartbeat Info", info.length);
        return info;
    }

    /** The chunk length field: header and the parameter, whose padding is the chunk's. */
    static int length(byte[] info) {
        return ChunkHeader.SIZE + Tlv.HEADER_SIZE + info.length;
    }

    static int write(byte[] buffer, int offset, int type, byte[] info) {
        int size = ChunkHeader.write(buffer, offset, type, 0, length(info));
        Tlv.write(buffer, offset + ChunkHeader.SIZE, PARAMETER_TYPE, info);
        return size;
    }

    /** The info of the chunk's single Heartbeat Info parameter; anything else in the value is rejected. */
    static byte[] parse(String chunk, byte[] buffer, int offset, int length) throws SctpParseException {
        byte[][] info = new byte[1][];
        Tlv.forEach(chunk + " parameter", buffer, offset, length, (type, valueOffset, valueLength) -> {
            if (type != PARAMETER_TYPE) {
                throw new SctpParseException(chunk + " chunk carries parameter type " + type
                        + ", expected only Heartbeat Info (1)");
            }
            if (info[0] != null) {
                throw new SctpParseException(chunk + " chunk carries more than one Heartbeat Info parameter");
            }
            info[0] = Arrays.copyOfRange(buffer, valueOffset, valueOffset + valueLength);
        });
        if (info[0] == null) {
            throw new SctpParseException(chunk + " chunk without its Heartbeat Info parameter");
        }
        return info[0];
    }
}
