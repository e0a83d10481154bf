package dev.switchyard.transport.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class AesCmHmacSha1CipherTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final int HEADER = 12;

    /**
     * RFC 3711 Appendix B.2: the keystream for SSRC 0, ROC 0, SEQ 0 is what encrypting zeros yields, checked at
     * the first three and the last three of 0xFF02 blocks (so the counter crosses a byte boundary).
     */
    @Test
    void producesTheRfc3711KeystreamFromTheSrtpIv() throws GeneralSecurityException {
        AesCmHmacSha1Cipher cipher = new AesCmHmacSha1Cipher(HEX.parseHex("2b7e151628aed2a6abf7158809cf4f3c"),
                HEX.parseHex("f0f1f2f3f4f5f6f7f8f9fafbfcfd"), new byte[20]);
        byte[] packet = new byte[HEADER + 0xFF02 * 16 + cipher.tagLength()];
        packet[0] = (byte) 0x80;
        int length = packet.length - cipher.tagLength();
        cipher.protectRtp(packet, 0, HEADER, length, 0, 0);
        assertEquals("e03ead0935c95e80e166b16dd92b4eb4", block(packet, 0));
        assertEquals("d23513162b02d0f72a43a2fe4a5f97ab", block(packet, 1));
        assertEquals("41e95b3bb0a2e8dd477901e4fca894c0", block(packet, 2));
        assertEquals("ec8cdf7398607cb0f2d21675ea9ea1e4", block(packet, 0xFEFF));
        assertEquals("362b7c3c6773516318a077d7fc5073ae", block(packet, 0xFF00));
        assertEquals("6a2cc3787889374fbeb4c81b17ba6c44", block(packet, 0xFF01));
    }

    @Test
    void tagIsHmacSha1OverPacketAndRocAndSrtcpTagCoversTheIndexWord() throws GeneralSecurityException {
        SplittableRandom random = new SplittableRandom(1);
        byte[] authenticationKey = bytes(random, 20);
        AesCmHmacSha1Cipher cipher = new AesCmHmacSha1Cipher(bytes(random, 16), bytes(random, 14), authenticationKey);
        for (int payloadLength : new int[] {0, 1, 15, 16, 17, 100, 1200}) {
            byte[] plain = bytes(random, HEADER + payloadLength);
            long index = 0x0001_2345_6789L + payloadLength;
            byte[] packet = Arrays.copyOf(plain, plain.length + 10);
            cipher.protectRtp(packet, 0, HEADER, plain.length, 7, index);
            byte[] expected = hmacSha1(authenticationKey, Arrays.copyOf(packet, plain.length), (int) (index >>> 16));
            assertArrayEquals(Arrays.copyOf(expected, 10), Arrays.copyOfRange(packet, plain.length, packet.length));
            assertTrue(cipher.unprotectRtp(packet, 0, HEADER, packet.length, 7, index));
            assertArrayEquals(plain, Arrays.copyOf(packet, plain.length));

            byte[] report = Arrays.copyOf(plain, plain.length + 14);
            cipher.protectRtcp(report, 0, plain.length, 9, 0x1234);
            assertEquals(0x8000_1234, ByteBuffer.wrap(report).getInt(plain.length));
            byte[] expectedRtcp = hmacSha1(authenticationKey, Arrays.copyOf(report, plain.length + 4));
            assertArrayEquals(Arrays.copyOf(expectedRtcp, 10), Arrays.copyOfRange(report, plain.length + 4,
                    report.length));
            report[report.length - 1] ^= 1;
            assertFalse(cipher.unprotectRtcp(report, 0, report.length, 9, 0x1234));
            report[report.length - 1] ^= 1;
            assertTrue(cipher.unprotectRtcp(report, 0, report.length, 9, 0x1234));
            assertArrayEquals(plain, Arrays.copyOf(report, plain.length));
        }
    }

    private static byte[] hmacSha1(byte[] key, byte[] message, int... rollover) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key, "HmacSHA1"));
        mac.update(message);
        for (int roc : rollover) {
            mac.update(new byte[] {(byte) (roc >>> 24), (byte) (roc >>> 16), (byte) (roc >>> 8), (byte) roc});
        }
        return mac.doFinal();
    }

    private static String block(byte[] packet, int block) {
        int from = HEADER + 16 * block;
        return HEX.formatHex(packet, from, from + 16);
    }

    private static byte[] bytes(SplittableRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
