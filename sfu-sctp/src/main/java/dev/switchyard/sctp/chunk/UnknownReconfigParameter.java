package dev.switchyard.sctp.chunk;

import java.util.Arrays;
import java.util.Objects;

import dev.switchyard.sctp.Unsigned;

/**
 * A RE-CONFIG parameter without a record here (RFC 6525 §4.2, §4.3, §4.5 to §4.7), kept as it came so the
 * association can answer it with a Denied response.
 *
 * <p>{@code value} is held as given, not copied: do not change the array after handing it over. A parsed
 * parameter's value is a copy of the packet's bytes.
 *
 * @param type  parameter type, 16 bits, neither {@link OutgoingResetRequest#TYPE} nor {@link ReconfigResponse#TYPE}
 * @param value the parameter value without padding
 */
public record UnknownReconfigParameter(int type, byte[] value) implements ReconfigParameter {

    public UnknownReconfigParameter {
        Unsigned.requireUint16("parameter type", type);
        if (type == OutgoingResetRequest.TYPE || type == ReconfigResponse.TYPE) {
            throw new IllegalArgumentException("RE-CONFIG parameter type " + type + " has its own record");
        }
        Objects.requireNonNull(value, "value");
        Tlv.requireValueLength("RE-CONFIG parameter", value.length);
    }

    @Override
    public int length() {
        return Tlv.HEADER_SIZE + value.length;
    }

    @Override
    public int writeTo(byte[] buffer, int offset) {
        Objects.checkFromIndexSize(offset, serializedSize(), buffer.length);
        return Tlv.write(buffer, offset, type, value);
    }

    static UnknownReconfigParameter parse(int type, byte[] buffer, int offset, int length) {
        return new UnknownReconfigParameter(type, Arrays.copyOfRange(buffer, offset, offset + length));
    }
}
