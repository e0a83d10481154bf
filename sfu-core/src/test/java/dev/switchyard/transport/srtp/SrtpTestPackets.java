package dev.switchyard.transport.srtp;

import dev.switchyard.buffer.PacketBuffer;

/** Hand-built RTP and RTCP packets for SRTP tests (the sfu-rtp writers are not used here on purpose). */
final class SrtpTestPackets {

    private SrtpTestPackets() {
    }

    /** RTP version 2, payload type 96, one CSRC and a one-byte-header extension (RFC 8285) with one element. */
    static byte[] rtp(int ssrc, int sequenceNumber, int payloadLength) {
        byte[] packet = new byte[12 + 4 + 8 + payloadLength];
        packet[0] = (byte) 0x91; // V=2, X=1, CC=1
        packet[1] = 96;
        writeShort(packet, 2, sequenceNumber);
        writeInt(packet, 4, sequenceNumber * 960);
        writeInt(packet, 8, ssrc);
        writeInt(packet, 12, 0x01020304); // CSRC
        writeShort(packet, 16, 0xBEDE);
        writeShort(packet, 18, 1);
        packet[20] = 0x10; // id 1, length 1
        packet[21] = 0x42;
        for (int i = 0; i < payloadLength; i++) {
            packet[24 + i] = (byte) (i * 7 + sequenceNumber);
        }
        return packet;
    }

    /** A receiver report (RFC 3550 §6.4.2) with one report block, from {@code senderSsrc}. */
    static byte[] rtcpReceiverReport(int senderSsrc, int reportedSsrc) {
        byte[] packet = new byte[32];
        packet[0] = (byte) 0x81; // V=2, RC=1
        packet[1] = (byte) 201;
        writeShort(packet, 2, 7); // length in words minus one
        writeInt(packet, 4, senderSsrc);
        writeInt(packet, 8, reportedSsrc);
        writeInt(packet, 12, 0x00000005); // fraction lost 0, cumulative lost 5
        writeInt(packet, 16, 0x00010203);
        writeInt(packet, 20, 42);
        writeInt(packet, 24, 0x11223344);
        writeInt(packet, 28, 0x00000100);
        return packet;
    }

    static PacketBuffer buffer(byte[] packet) {
        PacketBuffer buffer = PacketBuffer.allocate();
        buffer.copyFrom(packet, 0, packet.length);
        return buffer;
    }

    static byte[] contents(PacketBuffer buffer) {
        byte[] packet = new byte[buffer.length()];
        System.arraycopy(buffer.buffer(), buffer.offset(), packet, 0, buffer.length());
        return packet;
    }

    private static void writeShort(byte[] buffer, int offset, int value) {
        buffer[offset] = (byte) (value >>> 8);
        buffer[offset + 1] = (byte) value;
    }

    private static void writeInt(byte[] buffer, int offset, int value) {
        writeShort(buffer, offset, value >>> 16);
        writeShort(buffer, offset + 2, value);
    }
}
