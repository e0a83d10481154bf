package dev.switchyard.sctp.dcep;

import dev.switchyard.sctp.SctpParseException;

/** DATA_CHANNEL_ACK (RFC 8832 §5.2): the single byte 0x02, confirming a DATA_CHANNEL_OPEN on the same stream. */
public record DataChannelAck() {

    public static final int MESSAGE_TYPE = 0x02;
    public static final int SIZE = 1;

    /** Whether {@code message} is exactly a DATA_CHANNEL_ACK. */
    public static boolean isAck(byte[] message) {
        return message.length == SIZE && (message[0] & 0xFF) == MESSAGE_TYPE;
    }

    /** @throws SctpParseException unless {@code message} is exactly a DATA_CHANNEL_ACK */
    public static DataChannelAck parse(byte[] message) throws SctpParseException {
        if (!isAck(message)) {
            throw new SctpParseException("a DATA_CHANNEL_ACK is the single byte 0x02, got " + message.length
                    + " bytes" + (message.length == 0 ? "" : String.format(" starting 0x%02x", message[0] & 0xFF)));
        }
        return new DataChannelAck();
    }

    public byte[] serialize() {
        return new byte[] {MESSAGE_TYPE};
    }
}
