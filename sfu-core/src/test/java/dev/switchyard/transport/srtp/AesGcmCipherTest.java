package dev.switchyard.transport.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class AesGcmCipherTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] KEY = HEX.parseHex("000102030405060708090a0b0c0d0e0f");
    private static final byte[] SALT = HEX.parseHex("517569642070726f2071756f");

    /** RFC 7714 §16.1.1: AEAD_AES_128_GCM SRTP, ROC 0, SEQ 0xf17b. */
    @Test
    void protectsTheRfc7714SrtpPacket() throws GeneralSecurityException {
        byte[] plain = HEX.parseHex("8040f17b8041f8d35501a0b2"
                + "47616c6c696120657374206f6d6e69732064697669736120696e207061727465732074726573");
        String expected = "8040f17b8041f8d35501a0b2"
                + "f24de3a3fb34de6cacba861c9d7e4bcabe633bd50d294e6f42a5f47a51c7d19b36de3adf8833"
                + "899d7f27beb16a9152cf765ee4390cce";
        AesGcmCipher cipher = new AesGcmCipher(KEY, SALT);
        byte[] packet = Arrays.copyOf(plain, plain.length + 16);
        cipher.protectRtp(packet, 0, 12, plain.length, 0x5501a0b2, 0xf17b);
        assertEquals(expected, HEX.formatHex(packet));

        assertTrue(cipher.unprotectRtp(packet, 0, 12, packet.length, 0x5501a0b2, 0xf17b));
        assertArrayEquals(plain, Arrays.copyOf(packet, plain.length));
        byte[] forged = HEX.parseHex(expected);
        forged[5] ^= 1; // header bytes are authenticated as AAD
        assertFalse(cipher.unprotectRtp(forged, 0, 12, forged.length, 0x5501a0b2, 0xf17b));
    }

    /** RFC 7714 §17.1.1: AEAD_AES_128_GCM SRTCP, index 0x5d4, tag then E + index. */
    @Test
    void protectsTheRfc7714SrtcpPacket() throws GeneralSecurityException {
        byte[] plain = HEX.parseHex("81c8000d4d6172734e5450314e545032525450200000042a0000e9304c756e61"
                + "deadbeefdeadbeefdeadbeefdeadbeefdeadbeef");
        String expected = "81c8000d4d617273"
                + "63e94885dcdab67ca727d7662f6b7e997ff5c0f76c06f32dc676a5f1730d6fda4ce09b4686303ded0bb9275bc84aa458"
                + "96cf4d2fc5abf87245d9eade" + "800005d4";
        AesGcmCipher cipher = new AesGcmCipher(KEY, SALT);
        byte[] packet = Arrays.copyOf(plain, plain.length + 20);
        cipher.protectRtcp(packet, 0, plain.length, 0x4d617273, 0x5d4);
        assertEquals(expected, HEX.formatHex(packet));
        assertEquals(packet.length - 4, cipher.srtcpIndexPosition(packet.length));

        assertTrue(cipher.unprotectRtcp(packet, 0, packet.length, 0x4d617273, 0x5d4));
        assertArrayEquals(plain, Arrays.copyOf(packet, plain.length));
        byte[] forged = HEX.parseHex(expected);
        assertFalse(cipher.unprotectRtcp(forged, 0, forged.length, 0x4d617273, 0x5d5), "the index is AAD");
    }

    /** The JDK's GCM as an oracle for every length around block boundaries, AAD = the RTP header. */
    @Test
    void agreesWithTheJdkGcmForAnyHeaderAndPayloadLength() throws GeneralSecurityException {
        SplittableRandom random = new SplittableRandom(3);
        AesGcmCipher cipher = new AesGcmCipher(KEY, SALT);
        Cipher jdk = Cipher.getInstance("AES/GCM/NoPadding");
        for (int headerLength = 12; headerLength <= 44; headerLength += 4) {
            for (int payloadLength = 0; payloadLength <= 70; payloadLength++) {
                byte[] plain = new byte[headerLength + payloadLength];
                random.nextBytes(plain);
                int ssrc = random.nextInt();
                long index = random.nextLong() >>> 16;
                byte[] packet = Arrays.copyOf(plain, plain.length + 16);
                cipher.protectRtp(packet, 0, headerLength, plain.length, ssrc, index);

                byte[] iv = new byte[12];
                AesCtr.writeInt(iv, 2, ssrc);
                AesCtr.writeInt(iv, 6, (int) (index >>> 16));
                iv[10] = (byte) (index >>> 8);
                iv[11] = (byte) index;
                for (int i = 0; i < iv.length; i++) {
                    iv[i] ^= SALT[i];
                }
                jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY, "AES"), new GCMParameterSpec(128, iv));
                jdk.updateAAD(plain, 0, headerLength);
                byte[] sealed = jdk.doFinal(plain, headerLength, payloadLength);
                assertArrayEquals(sealed, Arrays.copyOfRange(packet, headerLength, packet.length),
                        headerLength + "/" + payloadLength);
                assertTrue(cipher.unprotectRtp(packet, 0, headerLength, packet.length, ssrc, index));
                assertArrayEquals(plain, Arrays.copyOf(packet, plain.length));
            }
        }
    }
}
