package dev.switchyard.transport;

import java.nio.ByteBuffer;

import dev.switchyard.buffer.PacketBuffer;

/** Hand-built RTP and RTCP packets with contents a receiver can verify. */
public final class TestPackets {

    public static final int RTP_PAYLOAD_TYPE = 96;

    private TestPackets() {
    }

    /** An RTP packet (RFC 3550 §5.1) whose payload is a pattern derived from its sequence number. */
    public static PacketBuffer rtp(long ssrc, int sequenceNumber, int payloadLength) {
        PacketBuffer packet = PacketBuffer.allocate(1500);
        ByteBuffer bytes = ByteBuffer.wrap(packet.buffer(), packet.offset(), 12 + payloadLength);
        bytes.put((byte) 0x80).put((byte) RTP_PAYLOAD_TYPE).putShort((short) sequenceNumber)
                .putInt(sequenceNumber * 3000).putInt((int) ssrc);
        for (int i = 0; i < payloadLength; i++) {
            bytes.put(patternByte(sequenceNumber, i));
        }
        packet.setOffsetLength(packet.offset(), 12 + payloadLength);
        return packet;
    }

    /** True when {@code packet} is exactly what {@link #rtp} built for these arguments. */
    static boolean isIntactRtp(PacketBuffer packet, long ssrc, int sequenceNumber, int payloadLength) {
        ByteBuffer bytes = ByteBuffer.wrap(packet.buffer(), packet.offset(), packet.length());
        if (packet.length() != 12 + payloadLength || bytes.get() != (byte) 0x80 || bytes.get() != RTP_PAYLOAD_TYPE
                || (bytes.getShort() & 0xFFFF) != sequenceNumber || bytes.getInt() != sequenceNumber * 3000
                || bytes.getInt() != (int) ssrc) {
            return false;
        }
        for (int i = 0; i < payloadLength; i++) {
            if (bytes.get() != patternByte(sequenceNumber, i)) {
                return false;
            }
        }
        return true;
    }

    static int rtpSequenceNumber(PacketBuffer packet) {
        return ((packet.buffer()[packet.offset() + 2] & 0xFF) << 8) | (packet.buffer()[packet.offset() + 3] & 0xFF);
    }

    /** An RTCP APP packet (RFC 3550 §6.7) carrying {@code counter}, so that every one is distinguishable. */
    static PacketBuffer rtcpApp(long ssrc, int counter) {
        PacketBuffer packet = PacketBuffer.allocate(1500);
        ByteBuffer bytes = ByteBuffer.wrap(packet.buffer(), packet.offset(), 16);
        bytes.put((byte) 0x80).put((byte) 204).putShort((short) 3).putInt((int) ssrc)
                .put((byte) 'T').put((byte) 'E').put((byte) 'S').put((byte) 'T').putInt(counter);
        packet.setOffsetLength(packet.offset(), 16);
        return packet;
    }

    /** The counter of an APP packet built by {@link #rtcpApp}, or -1 if it is not one. */
    static int rtcpAppCounter(PacketBuffer packet, long ssrc) {
        ByteBuffer bytes = ByteBuffer.wrap(packet.buffer(), packet.offset(), packet.length());
        if (packet.length() != 16 || bytes.get() != (byte) 0x80 || bytes.get() != (byte) 204
                || bytes.getShort() != 3 || bytes.getInt() != (int) ssrc || bytes.getInt() != 0x54455354) {
            return -1;
        }
        return bytes.getInt();
    }

    // sfu-core/src/test/node/interop-peer.mjs builds and checks the same pattern: keep them in step.
    private static byte patternByte(int sequenceNumber, int index) {
        return (byte) (sequenceNumber * 31 + index * 7);
    }
}
