package dev.switchyard.transport;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Packet counters of one {@link WebRtcTransport}. SRTP authentication and replay drops are counted by the
 * transport's SRTP session; these cover what happens around it.
 */
public final class TransportStats {

    final AtomicLong rtpReceived = new AtomicLong();
    final AtomicLong rtcpReceived = new AtomicLong();
    final AtomicLong rtpSent = new AtomicLong();
    final AtomicLong rtcpSent = new AtomicLong();
    final AtomicLong droppedUnknownKind = new AtomicLong();
    final AtomicLong droppedBeforeKeys = new AtomicLong();
    final AtomicLong droppedUnprotectFailed = new AtomicLong();
    final AtomicLong droppedOversized = new AtomicLong();
    final AtomicLong sendFailures = new AtomicLong();

    /** RTP packets received, authenticated and decrypted. */
    public long rtpReceived() {
        return rtpReceived.get();
    }

    /** RTCP packets received, authenticated and decrypted. */
    public long rtcpReceived() {
        return rtcpReceived.get();
    }

    public long rtpSent() {
        return rtpSent.get();
    }

    public long rtcpSent() {
        return rtcpSent.get();
    }

    /** Datagrams that are neither STUN, DTLS, RTP nor RTCP (RFC 7983). */
    public long droppedUnknownKind() {
        return droppedUnknownKind.get();
    }

    /** SRTP packets that arrived before the DTLS handshake produced keys. */
    public long droppedBeforeKeys() {
        return droppedBeforeKeys.get();
    }

    /** SRTP/SRTCP packets that failed authentication, replay protection or were malformed. */
    public long droppedUnprotectFailed() {
        return droppedUnprotectFailed.get();
    }

    /** Datagrams larger than the receive buffer. */
    public long droppedOversized() {
        return droppedOversized.get();
    }

    /** Packets that could not be protected or sent. */
    public long sendFailures() {
        return sendFailures.get();
    }

    @Override
    public String toString() {
        return "TransportStats{rtpReceived=" + rtpReceived + ", rtcpReceived=" + rtcpReceived
                + ", rtpSent=" + rtpSent + ", rtcpSent=" + rtcpSent
                + ", droppedUnknownKind=" + droppedUnknownKind + ", droppedBeforeKeys=" + droppedBeforeKeys
                + ", droppedUnprotectFailed=" + droppedUnprotectFailed + ", droppedOversized=" + droppedOversized
                + ", sendFailures=" + sendFailures + '}';
    }
}
