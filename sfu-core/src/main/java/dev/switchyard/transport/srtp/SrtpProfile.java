package dev.switchyard.transport.srtp;

/** The SRTP protection profiles Switchyard negotiates with DTLS-SRTP (RFC 5764 §4.1.2). */
public enum SrtpProfile {

    /** RFC 7714 §14.2: AES-128 in GCM mode, 12-byte salt, 16-byte tag for both SRTP and SRTCP. */
    AEAD_AES_128_GCM(0x0007, 16, 12, 16),

    /** RFC 5764 §4.1.2: AES-128 counter mode, 14-byte salt, 80-bit HMAC-SHA1 tag for both SRTP and SRTCP. */
    AES128_CM_HMAC_SHA1_80(0x0001, 16, 14, 10);

    private final int protectionProfileId;
    private final int keyLength;
    private final int saltLength;
    private final int tagLength;

    SrtpProfile(int protectionProfileId, int keyLength, int saltLength, int tagLength) {
        this.protectionProfileId = protectionProfileId;
        this.keyLength = keyLength;
        this.saltLength = saltLength;
        this.tagLength = tagLength;
    }

    /** The SRTPProtectionProfile value carried in the DTLS use_srtp extension. */
    public int protectionProfileId() {
        return protectionProfileId;
    }

    /** Master key length in bytes. */
    public int keyLength() {
        return keyLength;
    }

    /** Master salt length in bytes. */
    public int saltLength() {
        return saltLength;
    }

    /** Authentication tag length in bytes, the same for SRTP and SRTCP with these profiles. */
    public int tagLength() {
        return tagLength;
    }

    /** RFC 5764 §4.2: the keying material exported from DTLS holds a key and a salt for each side. */
    public int exportedKeyingMaterialLength() {
        return 2 * (keyLength + saltLength);
    }

    /** The profile with that use_srtp identifier, or {@code null} if Switchyard does not support it. */
    public static SrtpProfile forProtectionProfileId(int protectionProfileId) {
        for (SrtpProfile profile : values()) {
            if (profile.protectionProfileId == protectionProfileId) {
                return profile;
            }
        }
        return null;
    }
}
