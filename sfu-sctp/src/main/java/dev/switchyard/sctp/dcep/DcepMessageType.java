package dev.switchyard.sctp.dcep;

import dev.switchyard.sctp.SctpParseException;

/** The first byte of a DCEP message, a DATA chunk payload with PPID 50 (RFC 8832 §8.2.1). */
public enum DcepMessageType {

    DATA_CHANNEL_ACK(0x02),
    DATA_CHANNEL_OPEN(0x03);

    private final int value;

    DcepMessageType(int value) {
        this.value = value;
    }

    /** The message type byte on the wire. */
    public int value() {
        return value;
    }

    /**
     * Which message {@code message} is, by its first byte alone; the message itself may still be malformed.
     *
     * @throws SctpParseException if the message is empty or its type is not one RFC 8832 defines
     */
    public static DcepMessageType of(byte[] message) throws SctpParseException {
        if (message.length == 0) {
            throw new SctpParseException("empty DCEP message");
        }
        int type = message[0] & 0xFF;
        for (DcepMessageType candidate : values()) {
            if (candidate.value == type) {
                return candidate;
            }
        }
        throw new SctpParseException(String.format("unknown DCEP message type 0x%02x", type));
    }
}
