package dev.switchyard.sctp.chunk;

/**
 * One parameter of a RE-CONFIG chunk (RFC 6525 §4): a TLV like every SCTP parameter. Only the two a data
 * channel needs to close streams have records; the rest are kept as {@link UnknownReconfigParameter}.
 */
public sealed interface ReconfigParameter permits OutgoingResetRequest, ReconfigResponse, UnknownReconfigParameter {

    /** The parameter type, 16 bits. */
    int type();

    /** The parameter length field: the four header bytes and the value, without padding. */
    int length();

    /** Bytes {@link #writeTo} writes: {@link #length()} padded to a multiple of four. */
    default int serializedSize() {
        return ChunkHeader.padded(length());
    }

    /**
     * Writes the parameter at {@code offset}, padding included (zero bytes), and returns
     * {@link #serializedSize()}.
     *
     * @throws IndexOutOfBoundsException if {@code buffer} is too small
     */
    int writeTo(byte[] buffer, int offset);
}
