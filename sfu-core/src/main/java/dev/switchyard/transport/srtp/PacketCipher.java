package dev.switchyard.transport.srtp;

import java.security.GeneralSecurityException;

/**
 * One direction's packet transform under one set of session keys, in place in the caller's array. The caller
 * has checked lengths and tail room and has computed the packet index; implementations only encrypt,
 * authenticate and lay out the trailer. Instances keep scratch state: not thread-safe.
 */
interface PacketCipher {

    /** RFC 3711 §3.4: bit 31 of the SRTCP index word says the packet is encrypted. */
    int SRTCP_E_BIT = 0x8000_0000;

    /** The length of the SRTCP index word. */
    int SRTCP_INDEX_LENGTH = 4;

    /** RFC 3711 §3.4: the bytes of an SRTCP packet left in the clear, up to and including the sender SSRC. */
    int SRTCP_HEADER_LENGTH = 8;

    int tagLength();

    /**
     * Encrypts {@code [offset + headerLength, offset + length)} and writes the tag at {@code offset + length}.
     *
     * @param index the 48-bit SRTP packet index, ROC * 2^16 + SEQ (RFC 3711 §3.3.1)
     */
    void protectRtp(byte[] buffer, int offset, int headerLength, int length, int ssrc, long index)
            throws GeneralSecurityException;

    /**
     * Checks the tag that ends the {@code length} bytes and, only if it matches, decrypts the payload in front
     * of it; the cleartext packet is then {@code length - tagLength()} bytes long.
     */
    boolean unprotectRtp(byte[] buffer, int offset, int headerLength, int length, int ssrc, long index)
            throws GeneralSecurityException;

    /** Encrypts an RTCP compound packet and appends the E-flagged index word and the tag. */
    void protectRtcp(byte[] buffer, int offset, int length, int ssrc, int index) throws GeneralSecurityException;

    /** Where the index word of an SRTCP packet of {@code length} bytes starts, relative to the packet. */
    int srtcpIndexPosition(int length);

    /**
     * Checks the tag of an encrypted SRTCP packet whose index word holds {@code index} and, only if it matches,
     * decrypts it; the cleartext packet is then {@code length - 4 - tagLength()} bytes long.
     */
    boolean unprotectRtcp(byte[] buffer, int offset, int length, int ssrc, int index)
            throws GeneralSecurityException;

    /** The cipher for one direction and packet kind, keyed with session keys derived from the master key. */
    static PacketCipher derive(SrtpProfile profile, byte[] masterKey, byte[] masterSalt,
                               SrtpKeyDerivation.Labels labels) {
        byte[] key = SrtpKeyDerivation.derive(masterKey, masterSalt, labels.encryption, profile.keyLength());
        byte[] salt = SrtpKeyDerivation.derive(masterKey, masterSalt, labels.salt, profile.saltLength());
        return switch (profile) {
            case AEAD_AES_128_GCM -> new AesGcmCipher(key, salt);
            case AES128_CM_HMAC_SHA1_80 -> new AesCmHmacSha1Cipher(key, salt, SrtpKeyDerivation.derive(
                    masterKey, masterSalt, labels.authentication, HmacSha1.LENGTH));
        };
    }

    /** Compares without an early exit, so the time taken reveals nothing about where a forged tag differs. */
    static boolean constantTimeEquals(byte[] a, int aOffset, byte[] b, int bOffset, int length) {
        int difference = 0;
        for (int i = 0; i < length; i++) {
            difference |= a[aOffset + i] ^ b[bOffset + i];
        }
        return difference == 0;
    }
}
