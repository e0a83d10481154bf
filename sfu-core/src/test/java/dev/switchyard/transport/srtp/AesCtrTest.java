package dev.switchyard.transport.srtp;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Random;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both paths of {@link AesCtr} against the JCE's own AES/CTR and ECB, call after call on one object, in place. */
class AesCtrTest {

    private static final int[] LENGTHS = {0, 1, 15, 16, 17, 160, 1188, 1500, 3000};

    @Test
    void theSuiteRunsWithTheCounterModeEngineReachableAsTheServerJarDoes() {
        // The surefire argLine opens the package, like the server jar's manifest; without it the JDK engine path
        // would go untested here.
        assertTrue(JdkCounterMode.AVAILABLE, "run with " + JdkCounterMode.REMEDY);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void everyCallGivesTheJcesKeystream(boolean jdkCounterMode) throws GeneralSecurityException {
        Random random = new Random(jdkCounterMode ? 3 : 4);
        byte[] key = randomBytes(random, 16);
        AesCtr aes = new AesCtr(key, jdkCounterMode);
        Cipher jce = Cipher.getInstance("AES/CTR/NoPadding");
        for (int length : LENGTHS) {
            byte[] counter = new byte[AesCtr.BLOCK];
            random.nextBytes(counter);
            counter[AesCtr.BLOCK - 2] = 0; // AES-CM: the block index starts at zero in the last 16 bits
            counter[AesCtr.BLOCK - 1] = 0;
            byte[] data = new byte[length + 5];
            random.nextBytes(data);
            jce.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(counter));
            byte[] expected = jce.doFinal(data, 5, length);

            aes.xorKeystream(counter, data, 5, length);
            assertArrayEquals(expected, Arrays.copyOfRange(data, 5, data.length), () -> length + " bytes");
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aSingleBlockIsTheJcesAesOfIt(boolean jdkCounterMode) throws GeneralSecurityException {
        // With the JDK engine the ECB cipher is made on the first single block (AES-GCM's hash key and tag mask).
        Random random = new Random(jdkCounterMode ? 5 : 6);
        byte[] key = randomBytes(random, 16);
        Cipher jce = Cipher.getInstance("AES/ECB/NoPadding");
        jce.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        AesCtr aes = new AesCtr(key, jdkCounterMode);
        for (int i = 0; i < 3; i++) {
            byte[] block = randomBytes(random, AesCtr.BLOCK);
            byte[] encrypted = new byte[AesCtr.BLOCK + 2];
            aes.encryptBlock(block, 0, encrypted, 2);
            assertArrayEquals(jce.doFinal(block), Arrays.copyOfRange(encrypted, 2, encrypted.length));
        }
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
