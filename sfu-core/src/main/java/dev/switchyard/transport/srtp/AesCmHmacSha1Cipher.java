package dev.switchyard.transport.srtp;

import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * AES_CM_128 encryption (RFC 3711 §4.1.1) with HMAC-SHA1 authentication truncated to 80 bits (§4.2.1).
 * SRTP: header | encrypted payload | tag, the tag over header, payload and ROC. SRTCP (§3.4): header |
 * encrypted payload | E + index | tag, the tag over everything in front of it.
 */
final class AesCmHmacSha1Cipher implements PacketCipher {

    static final int TAG_LENGTH = 10;

    private static final int SALT_LENGTH = 14;

    private final AesCtr aes;
    private final HmacSha1 hmac;
    private final byte[] salt;
    private final byte[] counter = new byte[AesCtr.BLOCK];
    private final byte[] rolloverCounter = new byte[4];
    private final byte[] mac = new byte[HmacSha1.LENGTH];

    AesCmHmacSha1Cipher(byte[] sessionKey, byte[] sessionSalt, byte[] authenticationKey) {
        if (sessionSalt.length != SALT_LENGTH) {
            throw new IllegalArgumentException("AES-CM session salt must be 14 bytes: " + sessionSalt.length);
        }
        aes = new AesCtr(sessionKey);
        hmac = new HmacSha1(authenticationKey);
        salt = sessionSalt.clone();
    }

    @Override
    public int tagLength() {
        return TAG_LENGTH;
    }

    @Override
    public void protectRtp(byte[] buffer, int offset, int headerLength, int length, int ssrc, long index)
            throws GeneralSecurityException {
        setCounter(ssrc, index);
        aes.xorKeystream(counter, buffer, offset + headerLength, length - headerLength);
        authenticateRtp(buffer, offset, length, index);
        System.arraycopy(mac, 0, buffer, offset + length, TAG_LENGTH);
    }

    @Override
    public boolean unprotectRtp(byte[] buffer, int offset, int headerLength, int length, int ssrc, long index)
            throws GeneralSecurityException {
        int authenticated = length - TAG_LENGTH;
        authenticateRtp(buffer, offset, authenticated, index);
        if (!PacketCipher.constantTimeEquals(mac, 0, buffer, offset + authenticated, TAG_LENGTH)) {
            return false;
        }
        setCounter(ssrc, index);
        aes.xorKeystream(counter, buffer, offset + headerLength, authenticated - headerLength);
        return true;
    }

    @Override
    public void protectRtcp(byte[] buffer, int offset, int length, int ssrc, int index)
            throws GeneralSecurityException {
        setCounter(ssrc, index);
        aes.xorKeystream(counter, buffer, offset + SRTCP_HEADER_LENGTH, length - SRTCP_HEADER_LENGTH);
        AesCtr.writeInt(buffer, offset + length, SRTCP_E_BIT | index);
        int authenticated = length + SRTCP_INDEX_LENGTH;
        authenticate(buffer, offset, authenticated);
        System.arraycopy(mac, 0, buffer, offset + authenticated, TAG_LENGTH);
    }

    @Override
    public int srtcpIndexPosition(int length) {
        return length - TAG_LENGTH - SRTCP_INDEX_LENGTH;
    }

    @Override
    public boolean unprotectRtcp(byte[] buffer, int offset, int length, int ssrc, int index)
            throws GeneralSecurityException {
        int authenticated = length - TAG_LENGTH;
        authenticate(buffer, offset, authenticated);
        if (!PacketCipher.constantTimeEquals(mac, 0, buffer, offset + authenticated, TAG_LENGTH)) {
            return false;
        }
        setCounter(ssrc, index);
        aes.xorKeystream(counter, buffer, offset + SRTCP_HEADER_LENGTH,
                authenticated - SRTCP_INDEX_LENGTH - SRTCP_HEADER_LENGTH);
        return true;
    }

    /** RFC 3711 §4.1.1: IV = (k_s * 2^16) XOR (SSRC * 2^64) XOR (i * 2^16), i the 48-bit (SRTCP: 31-bit) index. */
    private void setCounter(int ssrc, long index) {
        System.arraycopy(salt, 0, counter, 0, SALT_LENGTH);
        Arrays.fill(counter, SALT_LENGTH, AesCtr.BLOCK, (byte) 0);
        for (int i = 0; i < 4; i++) {
            counter[4 + i] ^= (byte) (ssrc >>> (24 - 8 * i));
        }
        for (int i = 0; i < 6; i++) {
            counter[8 + i] ^= (byte) (index >>> (40 - 8 * i));
        }
    }

    /** RFC 3711 §4.2: the SRTP tag covers the authenticated portion followed by the 32-bit ROC. */
    private void authenticateRtp(byte[] buffer, int offset, int length, long index) throws GeneralSecurityException {
        AesCtr.writeInt(rolloverCounter, 0, (int) (index >>> 16));
        hmac.start();
        hmac.update(buffer, offset, length);
        hmac.update(rolloverCounter, 0, rolloverCounter.length);
        hmac.finish(mac, 0);
    }

    private void authenticate(byte[] buffer, int offset, int length) throws GeneralSecurityException {
        hmac.start();
        hmac.update(buffer, offset, length);
        hmac.finish(mac, 0);
    }
}
