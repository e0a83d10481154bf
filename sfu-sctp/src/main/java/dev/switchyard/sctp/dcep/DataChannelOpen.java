package dev.switchyard.sctp.dcep;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import dev.switchyard.sctp.SctpParseException;
import dev.switchyard.sctp.Unsigned;

import static dev.switchyard.sctp.BigEndian.getUint16;
import static dev.switchyard.sctp.BigEndian.getUint32;
import static dev.switchyard.sctp.BigEndian.getUint8;
import static dev.switchyard.sctp.BigEndian.putUint16;
import static dev.switchyard.sctp.BigEndian.putUint32;
import static dev.switchyard.sctp.BigEndian.putUint8;

/**
 * DATA_CHANNEL_OPEN (RFC 8832 §5.1): opens a data channel on the stream it arrives on.
 *
 * <pre>
 * message type (8) = 0x03 | channel type (8) | priority (16)
 * reliability parameter (32)
 * label length (16) | protocol length (16)
 * label (UTF-8) | protocol (UTF-8), no padding
 * </pre>
 *
 * @param channelType          one of the channel type constants; the 0x80 bit means unordered
 * @param priority             16 bits (RFC 8832 §6.4)
 * @param reliabilityParameter retransmissions for {@code PARTIAL_RELIABLE_REXMIT}, milliseconds for
 *                             {@code PARTIAL_RELIABLE_TIMED}, 0 (and ignored) for reliable channels; 32 bits
 *                             unsigned
 * @param label                the channel's name, up to 65535 UTF-8 bytes, may be empty
 * @param protocol             the subprotocol, up to 65535 UTF-8 bytes, may be empty
 */
public record DataChannelOpen(int channelType, int priority, long reliabilityParameter, String label,
                              String protocol) {

    public static final int MESSAGE_TYPE = 0x03;

    public static final int RELIABLE = 0x00;
    public static final int RELIABLE_UNORDERED = 0x80;
    public static final int PARTIAL_RELIABLE_REXMIT = 0x01;
    public static final int PARTIAL_RELIABLE_REXMIT_UNORDERED = 0x81;
    public static final int PARTIAL_RELIABLE_TIMED = 0x02;
    public static final int PARTIAL_RELIABLE_TIMED_UNORDERED = 0x82;

    /** Message type, channel type, priority, reliability parameter, label length, protocol length. */
    public static final int FIXED_SIZE = 12;

    private static final int UNORDERED_BIT = 0x80;

    public DataChannelOpen {
        if (!isKnownChannelType(channelType)) {
            throw new IllegalArgumentException(String.format("unknown channel type 0x%02x", channelType));
        }
        Unsigned.requireUint16("priority", priority);
        Unsigned.requireUint32("reliability parameter", reliabilityParameter);
        Unsigned.requireUint16("label length", utf8(Objects.requireNonNull(label, "label")).length);
        Unsigned.requireUint16("protocol length", utf8(Objects.requireNonNull(protocol, "protocol")).length);
    }

    /** Whether messages on the channel are delivered in order (the channel type's 0x80 bit is clear). */
    public boolean ordered() {
        return (channelType & UNORDERED_BIT) == 0;
    }

    /** @see #parse(byte[], int, int) */
    public static DataChannelOpen parse(byte[] message) throws SctpParseException {
        return parse(message, 0, message.length);
    }

    /**
     * Parses a DATA_CHANNEL_OPEN occupying exactly {@code length} bytes at {@code offset}.
     *
     * @throws SctpParseException if it is truncated, not a DATA_CHANNEL_OPEN, has an unknown channel type, its
     *         label and protocol lengths disagree with its size, or either is not valid UTF-8
     * @throws IndexOutOfBoundsException if the range lies outside {@code buffer} (the caller's mistake)
     */
    public static DataChannelOpen parse(byte[] buffer, int offset, int length) throws SctpParseException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length < FIXED_SIZE) {
            throw new SctpParseException("DATA_CHANNEL_OPEN of " + length + " bytes is shorter than its "
                    + FIXED_SIZE + " fixed bytes");
        }
        int messageType = getUint8(buffer, offset);
        if (messageType != MESSAGE_TYPE) {
            throw new SctpParseException(String.format("DCEP message type 0x%02x is not DATA_CHANNEL_OPEN",
                    messageType));
        }
        int channelType = getUint8(buffer, offset + 1);
        if (!isKnownChannelType(channelType)) {
            throw new SctpParseException(String.format("DATA_CHANNEL_OPEN with unknown channel type 0x%02x",
                    channelType));
        }
        int labelLength = getUint16(buffer, offset + 8);
        int protocolLength = getUint16(buffer, offset + 10);
        if (FIXED_SIZE + labelLength + protocolLength != length) {
            throw new SctpParseException("DATA_CHANNEL_OPEN of " + length + " bytes does not hold exactly its "
                    + labelLength + "-byte label and " + protocolLength + "-byte protocol");
        }
        int labelOffset = offset + FIXED_SIZE;
        return new DataChannelOpen(channelType, getUint16(buffer, offset + 2), getUint32(buffer, offset + 4),
                decode("label", buffer, labelOffset, labelLength),
                decode("protocol", buffer, labelOffset + labelLength, protocolLength));
    }

    public byte[] serialize() {
        byte[] labelBytes = utf8(label);
        byte[] protocolBytes = utf8(protocol);
        byte[] message = new byte[FIXED_SIZE + labelBytes.length + protocolBytes.length];
        putUint8(message, 0, MESSAGE_TYPE);
        putUint8(message, 1, channelType);
        putUint16(message, 2, priority);
        putUint32(message, 4, reliabilityParameter);
        putUint16(message, 8, labelBytes.length);
        putUint16(message, 10, protocolBytes.length);
        System.arraycopy(labelBytes, 0, message, FIXED_SIZE, labelBytes.length);
        System.arraycopy(protocolBytes, 0, message, FIXED_SIZE + labelBytes.length, protocolBytes.length);
        return message;
    }

    private static boolean isKnownChannelType(int channelType) {
        return switch (channelType) {
            case RELIABLE, RELIABLE_UNORDERED, PARTIAL_RELIABLE_REXMIT, PARTIAL_RELIABLE_REXMIT_UNORDERED,
                    PARTIAL_RELIABLE_TIMED, PARTIAL_RELIABLE_TIMED_UNORDERED -> true;
            default -> false;
        };
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Strict UTF-8: a malformed sequence is the peer's error, not something to paper over with U+FFFD. */
    private static String decode(String field, byte[] buffer, int offset, int length) throws SctpParseException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buffer, offset, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new SctpParseException("DATA_CHANNEL_OPEN " + field + " is not valid UTF-8");
        }
    }
}
