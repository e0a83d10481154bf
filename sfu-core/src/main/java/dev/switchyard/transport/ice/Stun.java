package dev.switchyard.transport.ice;

/** The STUN numbers (RFC 8489, RFC 8445 §16.1) that Switchyard reads and writes itself, outside ice4j. */
public final class Stun {

    /** RFC 8489 §5: the fixed header every STUN message starts with. */
    public static final int HEADER_BYTES = 20;
    public static final int MAGIC_COOKIE = 0x2112A442;
    /** RFC 8489 §5: the transaction id follows the magic cookie. */
    public static final int TRANSACTION_ID_OFFSET = 8;
    public static final int TRANSACTION_ID_BYTES = 12;

    public static final int BINDING_REQUEST = 0x0001;
    public static final int BINDING_SUCCESS_RESPONSE = 0x0101;
    public static final int BINDING_ERROR_RESPONSE = 0x0111;

    public static final int USERNAME = 0x0006;
    public static final int MESSAGE_INTEGRITY = 0x0008;
    public static final int ERROR_CODE = 0x0009;
    public static final int XOR_MAPPED_ADDRESS = 0x0020;
    public static final int PRIORITY = 0x0024;
    public static final int USE_CANDIDATE = 0x0025;
    public static final int FINGERPRINT = 0x8028;
    public static final int ICE_CONTROLLED = 0x8029;
    public static final int ICE_CONTROLLING = 0x802A;

    private Stun() {
    }

    /** RFC 7983 §7: a first byte of 0 to 3 is STUN. */
    public static boolean isStun(byte[] data, int offset, int length) {
        return length > 0 && (data[offset] & 0xFF) < 4;
    }
}
