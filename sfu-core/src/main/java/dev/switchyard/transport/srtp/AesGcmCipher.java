package dev.switchyard.transport.srtp;

import java.security.GeneralSecurityException;

/**
 * AEAD_AES_128_GCM for SRTP and SRTCP (RFC 7714) with a 16-byte tag. SRTP (§8): AAD = the header, then
 * ciphertext | tag. SRTCP (§9, §17): AAD = the first 8 bytes and the E + index word, laid out as header |
 * ciphertext | tag | E + index. GCM (NIST SP 800-38D) is assembled from AES counter mode and GHASH so that
 * nothing is allocated per packet.
 */
final class AesGcmCipher implements PacketCipher {

    static final int TAG_LENGTH = 16;

    private static final int SALT_LENGTH = 12;

    /** The 32-bit block counter of J0, the pre-counter block that masks the tag (SP 800-38D §7.1). */
    private static final int PRE_COUNTER = 1;

    private final AesCtr aes;
    private final Ghash ghash;
    private final byte[] salt;
    private final byte[] counter = new byte[AesCtr.BLOCK];
    private final byte[] tagMask = new byte[AesCtr.BLOCK];
    private final byte[] tag = new byte[TAG_LENGTH];

    AesGcmCipher(byte[] sessionKey, byte[] sessionSalt) {
        if (sessionSalt.length != SALT_LENGTH) {
            throw new IllegalArgumentException("AES-GCM session salt must be 12 bytes: " + sessionSalt.length);
        }
        aes = new AesCtr(sessionKey);
        byte[] hashKey = new byte[AesCtr.BLOCK];
        try {
            aes.encryptBlock(new byte[AesCtr.BLOCK], 0, hashKey, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM hash key", e);
        }
        ghash = new Ghash(hashKey);
        salt = sessionSalt.clone();
    }

    @Override
    public int tagLength() {
        return TAG_LENGTH;
    }

    @Override
    public void protectRtp(byte[] buffer, int offset, int headerLength, int length, int ssrc, long index)
            throws GeneralSecurityException {
        setRtpIv(ssrc, index);
        int payload = offset + headerLength;
        int payloadLength = length - headerLength;
        encrypt(buffer, payload, payloadLength);
        ghash.start();
        ghash.update(buffer, offset, headerLength);
        hashCiphertext(buffer, payload, payloadLength);
        ghash.finish(headerLength, payloadLength, tagMask, buffer, offset + length);
    }

    @Override
    public boolean unprotectRtp(byte[] buffer, int offset, int headerLength, int length, int ssrc, long index)
            throws GeneralSecurityException {
        setRtpIv(ssrc, index);
        int payload = offset + headerLength;
        int payloadLength = length - headerLength - TAG_LENGTH;
        ghash.start();
        ghash.update(buffer, offset, headerLength);
        return verifyThenDecrypt(buffer, payload, payloadLength, headerLength);
    }

    @Override
    public void protectRtcp(byte[] buffer, int offset, int length, int ssrc, int index)
            throws GeneralSecurityException {
        setRtcpIv(ssrc, index);
        int payload = offset + SRTCP_HEADER_LENGTH;
        int payloadLength = length - SRTCP_HEADER_LENGTH;
        int indexWord = offset + length + TAG_LENGTH;
        AesCtr.writeInt(buffer, indexWord, SRTCP_E_BIT | index);
        encrypt(buffer, payload, payloadLength);
        hashRtcpAad(buffer, offset, indexWord);
        hashCiphertext(buffer, payload, payloadLength);
        ghash.finish(SRTCP_HEADER_LENGTH + SRTCP_INDEX_LENGTH, payloadLength, tagMask, buffer, offset + length);
    }

    @Override
    public int srtcpIndexPosition(int length) {
        return length - SRTCP_INDEX_LENGTH;
    }

    @Override
    public boolean unprotectRtcp(byte[] buffer, int offset, int length, int ssrc, int index)
            throws GeneralSecurityException {
        setRtcpIv(ssrc, index);
        int payload = offset + SRTCP_HEADER_LENGTH;
        int payloadLength = length - SRTCP_HEADER_LENGTH - TAG_LENGTH - SRTCP_INDEX_LENGTH;
        hashRtcpAad(buffer, offset, offset + length - SRTCP_INDEX_LENGTH);
        return verifyThenDecrypt(buffer, payload, payloadLength, SRTCP_HEADER_LENGTH + SRTCP_INDEX_LENGTH);
    }

    /** RFC 7714 §9.2: the AAD is the 8-byte header followed by the E + index word, wherever that word is. */
    private void hashRtcpAad(byte[] buffer, int offset, int indexWord) {
        ghash.start();
        ghash.update(buffer, offset, SRTCP_HEADER_LENGTH);
        ghash.update(buffer, indexWord, SRTCP_INDEX_LENGTH);
    }

    /** Hashes the ciphertext after the already hashed AAD, checks the tag behind it, and decrypts on a match. */
    private boolean verifyThenDecrypt(byte[] buffer, int payload, int payloadLength, int aadLength)
            throws GeneralSecurityException {
        hashCiphertext(buffer, payload, payloadLength);
        ghash.finish(aadLength, payloadLength, tagMask, tag, 0);
        if (!PacketCipher.constantTimeEquals(tag, 0, buffer, payload + payloadLength, TAG_LENGTH)) {
            return false;
        }
        encrypt(buffer, payload, payloadLength);
        return true;
    }

    private void hashCiphertext(byte[] buffer, int payload, int payloadLength) {
        ghash.padToBlock();
        ghash.update(buffer, payload, payloadLength);
    }

    /** GCTR (SP 800-38D §6.5) from inc32(J0), which the IV setters leave in {@code counter}. */
    private void encrypt(byte[] buffer, int payload, int payloadLength) throws GeneralSecurityException {
        aes.xorKeystream(counter, buffer, payload, payloadLength);
    }

    /** RFC 7714 §8.1: IV = (0x0000 || SSRC || ROC || SEQ) XOR salt. */
    private void setRtpIv(int ssrc, long index) throws GeneralSecurityException {
        counter[0] = 0;
        counter[1] = 0;
        AesCtr.writeInt(counter, 2, ssrc);
        AesCtr.writeInt(counter, 6, (int) (index >>> 16));
        counter[10] = (byte) (index >>> 8);
        counter[11] = (byte) index;
        xorSaltAndStartCounter();
    }

    /** RFC 7714 §9.1: IV = (0x0000 || SSRC || 0x0000 || 0 || SRTCP index) XOR salt. */
    private void setRtcpIv(int ssrc, int index) throws GeneralSecurityException {
        counter[0] = 0;
        counter[1] = 0;
        AesCtr.writeInt(counter, 2, ssrc);
        counter[6] = 0;
        counter[7] = 0;
        AesCtr.writeInt(counter, 8, index);
        xorSaltAndStartCounter();
    }

    /** Completes J0 = IV || 1, encrypts it into the tag mask, and leaves inc32(J0) for {@link #encrypt}. */
    private void xorSaltAndStartCounter() throws GeneralSecurityException {
        for (int i = 0; i < SALT_LENGTH; i++) {
            counter[i] ^= salt[i];
        }
        AesCtr.writeInt(counter, AesCtr.BLOCK - 4, PRE_COUNTER);
        aes.encryptBlock(counter, 0, tagMask, 0);
        AesCtr.writeInt(counter, AesCtr.BLOCK - 4, PRE_COUNTER + 1);
    }
}
