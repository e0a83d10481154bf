package dev.switchyard.media;

import dev.switchyard.buffer.PacketBuffer;
import dev.switchyard.rtp.RtpPacketWriter;

/** RTP packets for the media tests: a payload whose first byte names the packet. */
final class MediaTestPackets {

    private MediaTestPackets() {
    }

    static PacketBuffer rtp(long ssrc, int sequenceNumber, long timestamp, int marker) {
        PacketBuffer packet = PacketBuffer.allocate();
        byte[] payload = {(byte) marker, 1, 2, 3, 4, 5, 6, 7};
        int length = new RtpPacketWriter().payloadType(96).ssrc(ssrc).sequenceNumber(sequenceNumber)
                .timestamp(timestamp).payload(payload, 0, payload.length).write(packet.buffer(), 0);
        packet.setOffsetLength(0, length);
        return packet;
    }
}
