package dev.switchyard.transport.ice;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.zip.CRC32;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.switchyard.rtp.BigEndian;

/**
 * Writes one STUN message (RFC 8489 §5, §14) into a caller's array: the header, then attributes in order, then
 * optionally MESSAGE-INTEGRITY and FINGERPRINT, which must come last and in that order (RFC 8489 §14.5, §14.7).
 * The header's length field always covers what is written so far, as both trailing attributes require.
 */
public final class StunMessageWriter {

    /** RFC 8489 §14.7: the CRC-32 of the message is XORed with this. */
    private static final long FINGERPRINT_XOR = 0x5354554EL;
    private static final int HMAC_SHA1_BYTES = 20;
    private static final int ATTRIBUTE_HEADER_BYTES = 4;

    private final byte[] buffer;
    private int end;

    /**
     * Starts a message of {@code type} whose transaction id is copied from {@code transactionId} at
     * {@code transactionIdOffset} (a request's own, or the one of the request being answered).
     */
    public StunMessageWriter(byte[] buffer, int type, byte[] transactionId, int transactionIdOffset) {
        this.buffer = buffer;
        BigEndian.putUint16(buffer, 0, type);
        BigEndian.putUint32(buffer, 4, Stun.MAGIC_COOKIE);
        System.arraycopy(transactionId, transactionIdOffset, buffer, Stun.TRANSACTION_ID_OFFSET,
                Stun.TRANSACTION_ID_BYTES);
        end = Stun.HEADER_BYTES;
        updateLength();
    }

    /** Appends an attribute, padded to a multiple of 4 bytes. */
    public StunMessageWriter attribute(int type, byte[] value) {
        int start = beginAttribute(type, value.length);
        System.arraycopy(value, 0, buffer, start, value.length);
        return this;
    }

    /** Appends a 32-bit attribute (PRIORITY). */
    public StunMessageWriter uint32Attribute(int type, long value) {
        BigEndian.putUint32(buffer, beginAttribute(type, 4), value);
        return this;
    }

    /** Appends a 64-bit attribute (ICE-CONTROLLING's tie-breaker). */
    public StunMessageWriter uint64Attribute(int type, long value) {
        int start = beginAttribute(type, 8);
        BigEndian.putUint32(buffer, start, value >>> 32);
        BigEndian.putUint32(buffer, start + 4, value & 0xFFFF_FFFFL);
        return this;
    }

    /** Appends an attribute without a value (USE-CANDIDATE). */
    public StunMessageWriter flagAttribute(int type) {
        beginAttribute(type, 0);
        return this;
    }

    /** RFC 8489 §14.2: an IPv4 XOR-MAPPED-ADDRESS. */
    public StunMessageWriter xorMappedIpv4Address(byte[] address, int port) {
        int start = beginAttribute(Stun.XOR_MAPPED_ADDRESS, 8);
        buffer[start] = 0;
        buffer[start + 1] = 1;
        BigEndian.putUint16(buffer, start + 2, port ^ (Stun.MAGIC_COOKIE >>> 16));
        for (int i = 0; i < 4; i++) {
            buffer[start + 4 + i] = (byte) (address[i] ^ (Stun.MAGIC_COOKIE >>> (24 - 8 * i)));
        }
        return this;
    }

    /** RFC 8489 §14.5: HMAC-SHA1 under the short-term credential's password (RFC 8445 §7.2.2). */
    public StunMessageWriter messageIntegrity(byte[] password) {
        int covered = end;
        int start = beginAttribute(Stun.MESSAGE_INTEGRITY, HMAC_SHA1_BYTES);
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(password, "HmacSHA1"));
            mac.update(buffer, 0, covered);
            mac.doFinal(buffer, start);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK must provide HmacSHA1", e);
        }
        return this;
    }

    /** RFC 8489 §14.7: the CRC-32 of everything before it. */
    public StunMessageWriter fingerprint() {
        int covered = end;
        int start = beginAttribute(Stun.FINGERPRINT, 4);
        CRC32 crc = new CRC32();
        crc.update(buffer, 0, covered);
        BigEndian.putUint32(buffer, start, crc.getValue() ^ FINGERPRINT_XOR);
        return this;
    }

    /** Bytes written: the whole message. */
    public int length() {
        return end;
    }

    /** Writes the attribute header, extends the message over the padded value and returns the value's offset. */
    private int beginAttribute(int type, int valueLength) {
        BigEndian.putUint16(buffer, end, type);
        BigEndian.putUint16(buffer, end + 2, valueLength);
        int valueStart = end + ATTRIBUTE_HEADER_BYTES;
        int padded = (valueLength + 3) & ~3;
        Arrays.fill(buffer, valueStart + valueLength, valueStart + padded, (byte) 0);
        end = valueStart + padded;
        updateLength();
        return valueStart;
    }

    private void updateLength() {
        BigEndian.putUint16(buffer, 2, end - Stun.HEADER_BYTES);
    }
}
