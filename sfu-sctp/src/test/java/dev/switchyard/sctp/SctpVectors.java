package dev.switchyard.sctp;

import dev.switchyard.rtp.testing.Hex;

/**
 * Whole SCTP packets captured with Wireshark, as published in WebRTC's dcsctp tests
 * (net/dcsctp/packet/sctp_packet_test.cc: DeserializeSimplePacketFromCapture, DeserializePacketWithTwoChunks,
 * DeserializePacketWithWrongChecksum). Their checksums were written by other stacks, so they pin down the
 * CRC32c byte order independently of this code.
 */
final class SctpVectors {

    /** An INIT from a usrsctp peer to port 5000, tag 0, checksum field aa019d33. */
    static final byte[] INIT = Hex.bytes("""
            1388 1388 00000000 aa019d33
            0100005a 0eddca08 00020000 03e803e8 55083637
            80000004
            c0000004
            80080009 c00fc180 82000000
            80020024 c5a86155 090e6f42 0050634c c8d6b908 dfd53e17 c99cb143 284eaf64 682ac297
            80040006 00010000
            80030006 80c10000""");

    /** COOKIE ACK and SACK bundled, 1234 to 4321. */
    static final byte[] COOKIE_ACK_AND_SACK = Hex.bytes("""
            04d2 10e1 697e3a4e c06e8b36
            0b000004
            03000010 aea95252 00020000 00000000""");

    /** A SACK whose checksum field does not match its bytes. */
    static final byte[] SACK_WITH_WRONG_CHECKSUM = Hex.bytes("""
            1388 1388 0eddca08 2a81f531
            03000010 55083640 00020000 00000000""");

    private SctpVectors() {
    }
}
