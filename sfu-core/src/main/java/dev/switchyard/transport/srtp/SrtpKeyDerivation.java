package dev.switchyard.transport.srtp;

import javax.crypto.ShortBufferException;

/**
 * The SRTP key derivation function (RFC 3711 §4.3) with the AES-CM PRF (§4.3.3) and a key derivation rate of
 * 0, which DTLS-SRTP uses (RFC 5764 §4.1.2): session keys depend only on the master key, the master salt and
 * the label, so one derivation serves every SSRC for the lifetime of the keys. AES-GCM uses the same function
 * with its 12-byte master salt (RFC 7714 §11).
 */
final class SrtpKeyDerivation {

    /** RFC 3711 §4.3.1: the labels of the three session keys, for SRTP and for SRTCP. */
    enum Labels {
        RTP(0x00, 0x01, 0x02),
        RTCP(0x03, 0x04, 0x05);

        final int encryption;
        final int authentication;
        final int salt;

        Labels(int encryption, int authentication, int salt) {
            this.encryption = encryption;
            this.authentication = authentication;
            this.salt = salt;
        }
    }

    /** The PRF's input is the master salt, at most 112 bits, padded to this many bytes. */
    private static final int PRF_SALT_LENGTH = 14;

    /** RFC 3711 §4.3.1: the label is the most significant byte of the 56-bit key_id, aligned right in x. */
    private static final int LABEL_POSITION = PRF_SALT_LENGTH - 7;

    private SrtpKeyDerivation() {
    }

    /** The first {@code length} bytes of AES-CM keystream under the master key, at IV x * 2^16 (§4.3.3). */
    static byte[] derive(byte[] masterKey, byte[] masterSalt, int label, int length) {
        if (masterSalt.length > PRF_SALT_LENGTH) {
            throw new IllegalArgumentException("master salt longer than 112 bits: " + masterSalt.length);
        }
        byte[] iv = new byte[AesCtr.BLOCK];
        System.arraycopy(masterSalt, 0, iv, 0, masterSalt.length);
        iv[LABEL_POSITION] ^= (byte) label;
        byte[] key = new byte[length];
        try {
            new AesCtr(masterKey).xorKeystream(iv, key, 0, length);
        } catch (ShortBufferException e) {
            throw new IllegalStateException("AES-CM PRF", e);
        }
        return key;
    }
}
