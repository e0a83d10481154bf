package dev.switchyard.rtcp;

/**
 * Byte vectors shared by the per-format tests and the fuzz seeds. Captured bytes are credited where they come
 * from; the rest are built by hand to the cited sections.
 */
final class RtcpVectors {

    private RtcpVectors() {
    }

    /** SR without report blocks from a Chrome capture (a public test vector). */
    static final byte[] CHROME_SR = Hex.bytes("""
            80c80006 5d931534
            dd3ac1b4 76547171
            0008cf00
            00000e18
            0008cf00
            """);

    /** SDES with Chrome's 16-character random CNAME, two null octets closing the chunk (a public test vector). */
    static final byte[] CHROME_SDES = Hex.bytes("""
            81ca0006 9f65e742
            0110 74376d6b596e436d34364f63494e792f 0000
            """);

    /** RR with one block, from a packet dump (a public test vector); the SDES below shows it came from Firefox. */
    static final byte[] FIREFOX_RR = Hex.bytes("""
            81c90007 902f9e2e
            bc5e9a40 00000000 000046e1 00000111 09f36432 00024a79
            """);

    /** SDES with Firefox's braced-UUID CNAME, from the same dump; END plus padding is 4 null octets. */
    static final byte[] FIREFOX_SDES = Hex.bytes("""
            81ca000c 902f9e2e
            0126 7b39633030656239322d316166622d396434392d613437642d3931663634656565363966357d
            00000000
            """);

    static final byte[] BYE = Hex.bytes("81cb0001 902f9e2e");

    static final byte[] PLI = Hex.bytes("81ce0002 902f9e2e 902f9e2e");

    /** Rapid resynchronisation request (RFC 6051), a feedback type this package has no view for. */
    static final byte[] RAPID_RESYNC = Hex.bytes("85cd0002 902f9e2e 902f9e2e");

    static final byte[] APP = Hex.bytes("80cc0003 4baae1ab 4e414d45 41424344");

    /** REMB Chrome sent while receiving a 6 Mbit/s stream: 139487 * 2^6 = 8927168 bit/s (a public test vector). */
    static final byte[] CHROME_REMB = Hex.bytes("8fce0005 00000001 00000000 52454d42 011a20df 4874ed16");

    /** NACK with PID 2959 and BLP 0x0003 (a public test vector). */
    static final byte[] NACK = Hex.bytes("81cd0003 00000001 0330bdee 0b8f0003");

    /** FIR for SSRC 0x02d03702 with command sequence number 4 (a public test vector). */
    static final byte[] FIR = Hex.bytes("84ce0004 fa17fa17 00000000 02d03702 04000000");

    /** Transport-cc feedback from Chrome: one packet, run-length chunk, one small delta, 1 byte of padding. */
    static final byte[] CHROME_TCC_ONE = Hex.bytes("""
            afcd0005 fa17fa17 43032fa0
            0099 0001 3de802 17
            2001 94 01
            """);

    /** Transport-cc feedback from Chrome: run of 7 small deltas, 3 bytes of padding. */
    static final byte[] CHROME_TCC_RUN = Hex.bytes("""
            afcd0007 fa17fa17 193dd8bb
            0004 0007 10636e 01
            2007 4c 24 24 10 0c 0c 10 000003
            """);

    /**
     * Transport-cc feedback from Chrome: a 2-bit vector (5 small, 1 lost, 1 large) then a run-length chunk of
     * 48 "not received" that overshoots the status count of 9.
     */
    static final byte[] CHROME_TCC_MIXED = Hex.bytes("""
            afcd0007 9b74f61f 9371dcbc
            853c 0009 63f916 b3
            d552 0030 9b aa 6a aa 7b 0109 01
            """);

    /** Chromium-style compound from a sender: SR without blocks, then SDES CNAME (same SSRC). */
    static final byte[] CHROME_SR_SDES = Hex.concat(Hex.bytes("""
            80c80006 9f65e742
            dd3ac1b4 76547171
            0008cf00 00000e18 0008cf00
            """), CHROME_SDES);

    /** Chromium-style compound from a receiver: RR with one block, then REMB. */
    static final byte[] RR_REMB = Hex.concat(Hex.bytes("""
            81c90007 00000001
            4874ed16 05000012 00001a2b 00000034 c1b47654 00010000
            """), CHROME_REMB);

    /** RR, SDES, BYE, PLI, RRR, APP in one compound (a public test vector). */
    static final byte[] MIXED_COMPOUND = Hex.concat(FIREFOX_RR, FIREFOX_SDES, BYE, PLI, RAPID_RESYNC, APP);
}
