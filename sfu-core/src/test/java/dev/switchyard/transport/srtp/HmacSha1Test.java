package dev.switchyard.transport.srtp;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Random;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both SHA-1 engines of {@link HmacSha1} against the JDK's own HmacSHA1, message after message on one object. */
class HmacSha1Test {

    private static final int[] MESSAGE_LENGTHS = {0, 1, 19, 20, 55, 56, 63, 64, 65, 119, 120, 128, 1204, 1500};

    @Test
    void theSuiteRunsWithTheShaEngineReachableAsTheServerJarDoes() {
        // The surefire argLine opens the package, like the server jar's manifest; without it the resumable
        // engine would go untested here.
        assertTrue(ResumableSha1.AVAILABLE, "run with " + ResumableSha1.REMEDY);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void everyMessageGetsTheJdksTag(boolean resumable) throws GeneralSecurityException {
        Random random = new Random(resumable ? 1 : 2);
        for (int keyLength : new int[] {1, 20, 64}) {
            byte[] key = new byte[keyLength];
            random.nextBytes(key);
            HmacSha1 hmac = new HmacSha1(key, resumable);
            Mac jdk = Mac.getInstance("HmacSHA1");
            jdk.init(new SecretKeySpec(key, "HmacSHA1"));
            for (int length : MESSAGE_LENGTHS) {
                byte[] message = new byte[length + 7];
                random.nextBytes(message);
                int split = length / 3;
                hmac.start();
                hmac.update(message, 3, split);
                hmac.update(message, 3 + split, length - split);
                byte[] tag = new byte[HmacSha1.LENGTH + 2];
                hmac.finish(tag, 2);

                jdk.update(message, 3, length);
                byte[] expected = jdk.doFinal();
                byte[] actual = Arrays.copyOfRange(tag, 2, tag.length);
                assertArrayEquals(expected, actual, () -> "key " + keyLength + " B, message " + length + " B");
            }
        }
    }

    @Test
    void aKeyLongerThanABlockIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new HmacSha1(new byte[65]));
    }
}
