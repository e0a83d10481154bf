package dev.switchyard.media;

import dev.switchyard.buffer.PacketBuffer;

/** Where one subscriber's forwarded packets and reports go: its connection, which protects and sends them. */
public interface RtpSender {

    /** Whether a packet sent now can reach the subscriber (its connection is up). */
    boolean isReady();

    /** Protects {@code packet} in place and sends it; false when it was dropped (and counted by the sink). */
    boolean sendRtp(PacketBuffer packet);

    /** Protects an RTCP compound packet in place and sends it; false when it was dropped. */
    boolean sendRtcp(PacketBuffer packet);
}
