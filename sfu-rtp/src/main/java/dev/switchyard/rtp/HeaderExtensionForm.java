package dev.switchyard.rtp;

/** The two RFC 8285 encodings of the elements inside an RTP header extension block. */
public enum HeaderExtensionForm {

    /** RFC 8285 §4.2: profile 0xBEDE, 4-bit id 1-14 and 4-bit (length - 1), so values of 1-16 bytes. */
    ONE_BYTE(0xBEDE, 1, 14, 1, 16),

    /** RFC 8285 §4.3: profile 0x100 + 4 "appbits", 8-bit id 1-255 and 8-bit length, so 0-255 bytes. */
    TWO_BYTE(0x1000, 2, 255, 0, 255);

    private static final int TWO_BYTE_PROFILE_MASK = 0xFFF0;

    private final int profile;
    private final int elementHeaderLength;
    private final int maxId;
    private final int minValueLength;
    private final int maxValueLength;

    HeaderExtensionForm(int profile, int elementHeaderLength, int maxId, int minValueLength, int maxValueLength) {
        this.profile = profile;
        this.elementHeaderLength = elementHeaderLength;
        this.maxId = maxId;
        this.minValueLength = minValueLength;
        this.maxValueLength = maxValueLength;
    }

    /** The form announced by an extension profile, or null if the block is not RFC 8285 at all. */
    public static HeaderExtensionForm fromProfile(int profile) {
        if (profile == ONE_BYTE.profile) {
            return ONE_BYTE;
        }
        // RFC 8285 §4.3: the low 4 bits are application-defined and do not change the encoding.
        return (profile & TWO_BYTE_PROFILE_MASK) == TWO_BYTE.profile ? TWO_BYTE : null;
    }

    /** The profile a writer puts in the extension header (appbits zero for the two-byte form). */
    public int profile() {
        return profile;
    }

    /** Bytes before each element's value: the id/length byte(s). */
    public int elementHeaderLength() {
        return elementHeaderLength;
    }

    public boolean canEncodeId(int id) {
        return id >= 1 && id <= maxId;
    }

    public boolean canEncode(int id, int valueLength) {
        return canEncodeId(id) && valueLength >= minValueLength && valueLength <= maxValueLength;
    }
}
