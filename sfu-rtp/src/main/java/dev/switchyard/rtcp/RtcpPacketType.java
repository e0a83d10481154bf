package dev.switchyard.rtcp;

/** RTCP packet type values (RFC 3550 §12.1, RFC 4585 §6.1, RFC 3611 §2). */
public final class RtcpPacketType {

    public static final int SENDER_REPORT = 200;
    public static final int RECEIVER_REPORT = 201;
    public static final int SOURCE_DESCRIPTION = 202;
    public static final int GOODBYE = 203;
    public static final int APPLICATION_DEFINED = 204;
    /** Transport layer feedback, RTPFB (RFC 4585 §6.2). */
    public static final int TRANSPORT_FEEDBACK = 205;
    /** Payload-specific feedback, PSFB (RFC 4585 §6.3). */
    public static final int PAYLOAD_FEEDBACK = 206;
    /** Extended report, XR (RFC 3611). */
    public static final int EXTENDED_REPORT = 207;

    private RtcpPacketType() {
    }
}
