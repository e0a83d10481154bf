package dev.switchyard.transport.srtp;

import java.security.GeneralSecurityException;
import java.util.SplittableRandom;

import org.jitsi.srtp.SrtcpCryptoContext;
import org.jitsi.srtp.SrtpContextFactory;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;
import org.jitsi.srtp.SrtpPolicy;
import org.jitsi.srtp.crypto.Aes;
import org.jitsi.utils.logging2.LoggerImpl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.switchyard.buffer.PacketBuffer;

import static dev.switchyard.transport.srtp.SrtpTestPackets.buffer;
import static dev.switchyard.transport.srtp.SrtpTestPackets.contents;
import static dev.switchyard.transport.srtp.SrtpTestPackets.rtcpReceiverReport;
import static dev.switchyard.transport.srtp.SrtpTestPackets.rtp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * jitsi-srtp as an independent oracle: it protects byte-for-byte what {@link SrtpSession} protects, and each
 * side unprotects what the other protected, for both profiles, RTP across several rollovers and RTCP.
 */
class JitsiSrtpInteropTest {

    private static final int SSRC = 0x5EED_F00D;

    static {
        Aes.setFactoryClassName(Aes.SunJCECipherFactory.class.getName());
    }

    /** jitsi-srtp's side of one direction, keyed with one master key and salt. */
    private static final class Jitsi {
        private final SrtpCryptoContext rtp;
        private final SrtcpCryptoContext rtcp;

        Jitsi(SrtpProfile profile, boolean sender, byte[] key, byte[] salt) throws GeneralSecurityException {
            SrtpContextFactory factory = new SrtpContextFactory(sender, key, salt, policy(profile), policy(profile),
                    new LoggerImpl(JitsiSrtpInteropTest.class.getName()));
            rtp = factory.deriveContext(SSRC, 0);
            rtcp = factory.deriveControlContext(SSRC);
        }

        private static SrtpPolicy policy(SrtpProfile profile) {
            return switch (profile) {
                case AEAD_AES_128_GCM -> new SrtpPolicy(SrtpPolicy.AESGCM_ENCRYPTION, profile.keyLength(),
                        SrtpPolicy.NULL_AUTHENTICATION, 0, profile.tagLength(), profile.saltLength());
                case AES128_CM_HMAC_SHA1_80 -> new SrtpPolicy(SrtpPolicy.AESCM_ENCRYPTION, profile.keyLength(),
                        SrtpPolicy.HMACSHA1_AUTHENTICATION, 20, profile.tagLength(), profile.saltLength());
            };
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rtpMatchesJitsiSrtpAcrossRollovers(SrtpProfile profile) throws GeneralSecurityException {
        SrtpKeyingMaterial keys = keys(profile);
        SrtpSession ours = new SrtpSession(keys);
        Jitsi twin = new Jitsi(profile, true, keys.localKey(), keys.localSalt());
        Jitsi peerReceiver = new Jitsi(profile, false, keys.localKey(), keys.localSalt());
        Jitsi peerSender = new Jitsi(profile, true, keys.remoteKey(), keys.remoteSalt());
        int sequence = 60_000;
        for (int i = 0; i < 300; i++) {
            sequence = (sequence + 1 + i % 7 * 1000) & 0xFFFF; // gaps, and four rollovers in all
            byte[] plain = rtp(SSRC, sequence, 20 + i * 3);

            PacketBuffer mine = buffer(plain);
            assertTrue(ours.protectRtp(mine));
            PacketBuffer theirs = buffer(plain);
            assertEquals(SrtpErrorStatus.OK, twin.rtp.transformPacket(theirs));
            assertArrayEquals(contents(theirs), contents(mine), "sequence " + sequence);
            assertEquals(SrtpErrorStatus.OK, peerReceiver.rtp.reverseTransformPacket(mine, false));
            assertArrayEquals(plain, contents(mine));

            PacketBuffer incoming = buffer(plain);
            assertEquals(SrtpErrorStatus.OK, peerSender.rtp.transformPacket(incoming));
            assertTrue(ours.unprotectRtp(incoming), "sequence " + sequence);
            assertArrayEquals(plain, contents(incoming));
        }
        assertEquals(new SrtpSession.Counters(300, 0, 0, 0, 0, 0), ours.stats().rtpUnprotect());
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rtcpMatchesJitsiSrtp(SrtpProfile profile) throws GeneralSecurityException {
        SrtpKeyingMaterial keys = keys(profile);
        SrtpSession ours = new SrtpSession(keys);
        Jitsi twin = new Jitsi(profile, true, keys.localKey(), keys.localSalt());
        Jitsi peerReceiver = new Jitsi(profile, false, keys.localKey(), keys.localSalt());
        Jitsi peerSender = new Jitsi(profile, true, keys.remoteKey(), keys.remoteSalt());
        for (int i = 0; i < 50; i++) {
            byte[] plain = rtcpReceiverReport(SSRC, i);

            PacketBuffer mine = buffer(plain);
            assertTrue(ours.protectRtcp(mine));
            PacketBuffer theirs = buffer(plain);
            assertEquals(SrtpErrorStatus.OK, twin.rtcp.transformPacket(theirs));
            assertArrayEquals(contents(theirs), contents(mine), "packet " + i);
            assertEquals(SrtpErrorStatus.OK, peerReceiver.rtcp.reverseTransformPacket(mine));
            assertArrayEquals(plain, contents(mine));

            PacketBuffer incoming = buffer(plain);
            assertEquals(SrtpErrorStatus.OK, peerSender.rtcp.transformPacket(incoming));
            assertTrue(ours.unprotectRtcp(incoming), "packet " + i);
            assertArrayEquals(plain, contents(incoming));
        }
        assertEquals(50, ours.stats().rtcpUnprotect().packets());
    }

    private static SrtpKeyingMaterial keys(SrtpProfile profile) {
        byte[] exported = new byte[profile.exportedKeyingMaterialLength()];
        new SplittableRandom(profile.ordinal() + 42).nextBytes(exported);
        return SrtpKeyingMaterial.fromDtlsExport(profile, exported, true);
    }
}
