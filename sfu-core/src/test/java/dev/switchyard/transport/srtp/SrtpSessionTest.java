package dev.switchyard.transport.srtp;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.switchyard.buffer.PacketBuffer;

import static dev.switchyard.transport.srtp.SrtpTestPackets.buffer;
import static dev.switchyard.transport.srtp.SrtpTestPackets.contents;
import static dev.switchyard.transport.srtp.SrtpTestPackets.rtcpReceiverReport;
import static dev.switchyard.transport.srtp.SrtpTestPackets.rtp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SrtpSessionTest {

    private static final int SSRC = 0x12345678;

    /** Two ends keyed as a DTLS client and server would be: one's local keys are the other's remote keys. */
    private record Pair(SrtpSession client, SrtpSession server) {
        static Pair of(SrtpProfile profile, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            byte[] exported = new byte[profile.exportedKeyingMaterialLength()];
            random.nextBytes(exported);
            return new Pair(new SrtpSession(SrtpKeyingMaterial.fromDtlsExport(profile, exported, true)),
                    new SrtpSession(SrtpKeyingMaterial.fromDtlsExport(profile, exported, false)));
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rtpRoundTripsInBothDirectionsAndIsEncrypted(SrtpProfile profile) {
        Pair pair = Pair.of(profile, 1);
        for (int sequence = 65530; sequence < 65550; sequence++) { // crosses the rollover (RFC 3711 §3.3.1)
            byte[] plain = rtp(SSRC, sequence & 0xFFFF, 100);
            PacketBuffer packet = buffer(plain);
            assertTrue(pair.client().protectRtp(packet));
            assertEquals(plain.length + profile.tagLength(), packet.length());
            byte[] header = Arrays.copyOf(plain, 24);
            assertArrayEquals(header, Arrays.copyOf(contents(packet), 24), "header stays in the clear");
            assertFalse(Arrays.equals(plain, Arrays.copyOf(contents(packet), plain.length)));
            assertTrue(pair.server().unprotectRtp(packet));
            assertArrayEquals(plain, contents(packet));

            PacketBuffer back = buffer(plain);
            assertTrue(pair.server().protectRtp(back));
            assertTrue(pair.client().unprotectRtp(back));
            assertArrayEquals(plain, contents(back));
        }
        assertEquals(new SrtpSession.Counters(20, 0, 0, 0, 0, 0), pair.client().stats().rtpProtect());
        assertEquals(new SrtpSession.Counters(20, 0, 0, 0, 0, 0), pair.server().stats().rtpUnprotect());
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rtcpRoundTripsWithAnIndexAndTag(SrtpProfile profile) {
        Pair pair = Pair.of(profile, 2);
        for (int i = 0; i < 5; i++) {
            byte[] plain = rtcpReceiverReport(SSRC, 0x0BADCAFE + i);
            PacketBuffer packet = buffer(plain);
            assertTrue(pair.server().protectRtcp(packet));
            assertEquals(plain.length + 4 + profile.tagLength(), packet.length());
            assertTrue(pair.client().unprotectRtcp(packet));
            assertArrayEquals(plain, contents(packet));
        }
        assertEquals(5, pair.client().stats().rtcpUnprotect().packets());
        assertEquals(5, pair.server().stats().rtcpProtect().packets());
    }

    /** The AES_CM_128_HMAC_SHA1_80 packet libsrtp's test driver checks against (srtp_driver.c). */
    @Test
    void matchesTheLibsrtpReferencePacketForAesCm() {
        HexFormat hex = HexFormat.of();
        byte[] masterKeyAndSalt = hex.parseHex("e1f97a0d3e018be0d64fa32c06de41390ec675ad498afeebb6960b3aabe6");
        SrtpKeyingMaterial keys = new SrtpKeyingMaterial(SrtpProfile.AES128_CM_HMAC_SHA1_80,
                Arrays.copyOf(masterKeyAndSalt, 16), Arrays.copyOfRange(masterKeyAndSalt, 16, 30),
                Arrays.copyOf(masterKeyAndSalt, 16), Arrays.copyOfRange(masterKeyAndSalt, 16, 30));
        byte[] plain = hex.parseHex("800f1234decafbadcafebabe" + "ab".repeat(16));
        PacketBuffer packet = buffer(plain);
        assertTrue(new SrtpSession(keys).protectRtp(packet));
        assertEquals("800f1234decafbadcafebabe4e55dc4ce79978d88ca4d215949d2402b78d6acc99ea179b8dbb",
                hex.formatHex(contents(packet)));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void tamperedPayloadOrTagFailsAuthentication(SrtpProfile profile) {
        Pair pair = Pair.of(profile, 3);
        PacketBuffer packet = buffer(rtp(SSRC, 1, 50));
        assertTrue(pair.client().protectRtp(packet));
        byte[] protectedBytes = contents(packet);

        PacketBuffer payloadFlipped = buffer(protectedBytes);
        payloadFlipped.buffer()[30] ^= 1;
        assertFalse(pair.server().unprotectRtp(payloadFlipped));
        PacketBuffer tagFlipped = buffer(protectedBytes);
        tagFlipped.buffer()[protectedBytes.length - 1] ^= (byte) 0x80;
        assertFalse(pair.server().unprotectRtp(tagFlipped));
        assertEquals(2, pair.server().stats().rtpUnprotect().authenticationFailures());

        assertTrue(pair.server().unprotectRtp(buffer(protectedBytes)), "the genuine packet still passes");

        PacketBuffer report = buffer(rtcpReceiverReport(SSRC, 7));
        assertTrue(pair.client().protectRtcp(report));
        report.buffer()[12] ^= 4;
        assertFalse(pair.server().unprotectRtcp(report));
        assertEquals(1, pair.server().stats().rtcpUnprotect().authenticationFailures());
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void replayedPacketsAreDroppedAndCounted(SrtpProfile profile) {
        Pair pair = Pair.of(profile, 4);
        PacketBuffer packet = buffer(rtp(SSRC, 10, 20));
        assertTrue(pair.client().protectRtp(packet));
        byte[] protectedRtp = contents(packet);
        assertTrue(pair.server().unprotectRtp(buffer(protectedRtp)));
        assertFalse(pair.server().unprotectRtp(buffer(protectedRtp)));

        PacketBuffer report = buffer(rtcpReceiverReport(SSRC, 7));
        assertTrue(pair.client().protectRtcp(report));
        byte[] protectedRtcp = contents(report);
        assertTrue(pair.server().unprotectRtcp(buffer(protectedRtcp)));
        assertFalse(pair.server().unprotectRtcp(buffer(protectedRtcp)));

        SrtpSession.Stats stats = pair.server().stats();
        assertEquals(1, stats.rtpUnprotect().replayDrops());
        assertEquals(1, stats.rtcpUnprotect().replayDrops());
        assertEquals(0, stats.rtpUnprotect().authenticationFailures());
    }

    /**
     * A NACK answered without RTX resends the packet with its original sequence number: both profiles protect
     * it again into the same bytes, since keystream, IV and tag depend only on the index and the content.
     */
    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void protectsARetransmissionWithItsOriginalSequenceNumberAgain(SrtpProfile profile) {
        Pair pair = Pair.of(profile, 5);
        byte[] plain = rtp(SSRC, 77, 40);
        PacketBuffer first = buffer(plain);
        PacketBuffer resent = buffer(plain);
        assertTrue(pair.client().protectRtp(first));
        assertTrue(pair.client().protectRtp(resent));
        assertArrayEquals(contents(first), contents(resent));

        PacketBuffer next = buffer(rtp(SSRC, 78, 40));
        assertTrue(pair.client().protectRtp(next));
        assertTrue(pair.server().unprotectRtp(first));
        assertTrue(pair.server().unprotectRtp(next));
        assertFalse(pair.server().unprotectRtp(resent), "the receiver drops the copy as a replay");
        assertEquals(1, pair.server().stats().rtpUnprotect().replayDrops());
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void truncatedPacketsAreRejectedAndCounted(SrtpProfile profile) {
        Pair pair = Pair.of(profile, 6);
        PacketBuffer packet = buffer(rtp(SSRC, 1, 30));
        assertTrue(pair.client().protectRtp(packet));
        byte[] protectedRtp = contents(packet);
        PacketBuffer report = buffer(rtcpReceiverReport(SSRC, 9));
        assertTrue(pair.client().protectRtcp(report));
        byte[] protectedRtcp = contents(report);

        for (int length = 0; length < protectedRtp.length; length++) {
            PacketBuffer truncated = buffer(Arrays.copyOf(protectedRtp, length));
            assertFalse(pair.server().unprotectRtp(truncated), "length " + length);
        }
        for (int length = 0; length < protectedRtcp.length; length++) {
            assertFalse(pair.server().unprotectRtcp(buffer(Arrays.copyOf(protectedRtcp, length))));
        }
        SrtpSession.Stats stats = pair.server().stats();
        assertEquals(protectedRtp.length, rejected(stats.rtpUnprotect()));
        assertEquals(protectedRtcp.length, rejected(stats.rtcpUnprotect()));
        assertEquals(0, stats.rtpUnprotect().packets());
    }

    @Test
    void protectingWithoutTailRoomForTheTagFails() {
        Pair pair = Pair.of(SrtpProfile.AEAD_AES_128_GCM, 7);
        byte[] plain = rtp(SSRC, 1, 30);
        PacketBuffer tight = PacketBuffer.allocate(plain.length + 15);
        tight.copyFrom(plain, 0, plain.length);
        assertFalse(pair.client().protectRtp(tight));
        assertEquals(1, pair.client().stats().rtpProtect().malformed());
        PacketBuffer tightReport = PacketBuffer.allocate(32 + 19);
        tightReport.copyFrom(rtcpReceiverReport(SSRC, 1), 0, 32);
        assertFalse(pair.client().protectRtcp(tightReport));
        assertEquals(1, pair.client().stats().rtcpProtect().malformed());
    }

    @Test
    void contextsPerSsrcAreBoundedAndForgeriesDoNotUseThemUp() {
        Pair pair = Pair.of(SrtpProfile.AEAD_AES_128_GCM, 8);
        SplittableRandom random = new SplittableRandom(8);
        for (int i = 0; i < 3 * SrtpSession.MAX_SSRCS; i++) {
            byte[] forged = rtp(random.nextInt(), 1, 40);
            assertFalse(pair.server().unprotectRtp(buffer(forged)));
        }
        for (int ssrc = 1; ssrc <= SrtpSession.MAX_SSRCS; ssrc++) {
            PacketBuffer packet = buffer(rtp(ssrc, 1, 10));
            assertTrue(pair.client().protectRtp(packet));
            assertTrue(pair.server().unprotectRtp(packet), "ssrc " + ssrc);
        }
        PacketBuffer oneTooMany = buffer(rtp(SrtpSession.MAX_SSRCS + 1, 1, 10));
        assertFalse(pair.client().protectRtp(oneTooMany));
        assertEquals(1, pair.client().stats().rtpProtect().ssrcLimitDrops());
        assertFalse(pair.server().unprotectRtp(buffer(rtp(SrtpSession.MAX_SSRCS + 2, 1, 40))));
        assertEquals(1, pair.server().stats().rtpUnprotect().ssrcLimitDrops());
        assertEquals(3 * SrtpSession.MAX_SSRCS, pair.server().stats().rtpUnprotect().authenticationFailures());
    }

    /** Random bytes and mutations of genuine packets: never an exception, every rejection counted. */
    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void fuzzedInputIsRejectedWithoutExceptions(SrtpProfile profile) {
        Pair pair = Pair.of(profile, 9);
        PacketBuffer seedRtp = buffer(rtp(SSRC, 1, 60));
        pair.client().protectRtp(seedRtp);
        PacketBuffer seedRtcp = buffer(rtcpReceiverReport(SSRC, 3));
        pair.client().protectRtcp(seedRtcp);
        byte[][] seeds = {contents(seedRtp), contents(seedRtcp)};
        SplittableRandom random = new SplittableRandom(profile.ordinal());
        int iterations = 100_000;
        PacketBuffer packet = PacketBuffer.allocate();
        for (int i = 0; i < iterations; i++) {
            byte[] input = i % 3 == 0 ? randomBytes(random) : mutate(seeds[i & 1], random);
            packet.setOffsetLength(random.nextInt(8), 0);
            packet.copyFrom(input, 0, input.length);
            boolean accepted = (i & 2) == 0 ? pair.server().unprotectRtp(packet) : pair.server().unprotectRtcp(packet);
            assertFalse(accepted, () -> "accepted forged input " + HexFormat.of().formatHex(input));
        }
        SrtpSession.Stats stats = pair.server().stats();
        assertEquals(iterations, rejected(stats.rtpUnprotect()) + rejected(stats.rtcpUnprotect()));
    }

    private static long rejected(SrtpSession.Counters counters) {
        return counters.authenticationFailures() + counters.replayDrops() + counters.malformed()
                + counters.ssrcLimitDrops() + counters.cryptoErrors();
    }

    private static byte[] randomBytes(SplittableRandom random) {
        byte[] bytes = new byte[random.nextInt(120)];
        random.nextBytes(bytes);
        if (bytes.length > 0 && random.nextBoolean()) {
            bytes[0] = (byte) (0x80 | (bytes[0] & 0x3F)); // version 2, so the parser goes deeper
        }
        return bytes;
    }

    private static byte[] mutate(byte[] seed, SplittableRandom random) {
        byte[] mutated = Arrays.copyOf(seed, Math.max(0, seed.length + random.nextInt(-20, 5)));
        int flips = 1 + random.nextInt(4);
        for (int i = 0; i < flips && mutated.length > 0; i++) {
            mutated[random.nextInt(mutated.length)] ^= (byte) (1 << random.nextInt(8));
        }
        if (Arrays.equals(mutated, seed)) { // two flips cancelled out: that is the genuine packet
            mutated[0] ^= 1;
        }
        return mutated;
    }
}
