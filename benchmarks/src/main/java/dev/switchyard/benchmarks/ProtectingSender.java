package dev.switchyard.benchmarks;

import dev.switchyard.buffer.PacketBuffer;
import dev.switchyard.media.RtpSender;
import dev.switchyard.transport.srtp.SrtpSession;

/** Stands in for a subscriber's transport: protects with that subscriber's keys, then drops the packet. */
final class ProtectingSender implements RtpSender {

    private final SrtpSession session;

    ProtectingSender(SrtpSession session) {
        this.session = session;
    }

    SrtpSession session() {
        return session;
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public boolean sendRtp(PacketBuffer outgoing) {
        return session.protectRtp(outgoing);
    }

    @Override
    public boolean sendRtcp(PacketBuffer outgoing) {
        return session.protectRtcp(outgoing);
    }
}
