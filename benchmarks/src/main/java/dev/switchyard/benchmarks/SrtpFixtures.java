package dev.switchyard.benchmarks;

import java.util.Arrays;

import dev.switchyard.transport.srtp.SrtpKeyingMaterial;
import dev.switchyard.transport.srtp.SrtpProfile;
import dev.switchyard.transport.srtp.SrtpSession;

/**
 * SRTP keys and checks shared by the benchmarks and the load tools: keys are arrays filled with one byte value,
 * so two sessions pair up when one's local values are the other's remote values.
 */
public final class SrtpFixtures {

    /**
     * For {@code @Fork(jvmArgsAppend)} of benchmarks that protect SRTP, with {@link #OPEN_SHA1_ENGINE}: lets SRTP
     * drive the JDK's AES counter mode directly, as the server jar does (its manifest opens the same packages).
     */
    public static final String OPEN_AES_ENGINE = "--add-opens=java.base/com.sun.crypto.provider=ALL-UNNAMED";
    /** See {@link #OPEN_AES_ENGINE}: lets HMAC-SHA1 keep the SHA-1 states after its key pads. */
    public static final String OPEN_SHA1_ENGINE = "--add-opens=java.base/sun.security.provider=ALL-UNNAMED";

    private SrtpFixtures() {
    }

    /** Keying material whose key and salt arrays are each filled with the given byte value. */
    public static SrtpKeyingMaterial keys(SrtpProfile profile, int localKey, int localSalt, int remoteKey,
                                          int remoteSalt) {
        return new SrtpKeyingMaterial(profile, filled(profile.keyLength(), localKey),
                filled(profile.saltLength(), localSalt), filled(profile.keyLength(), remoteKey),
                filled(profile.saltLength(), remoteSalt));
    }

    /** Packets a session refused for any reason; a benchmark that rejects packets measures the failure path. */
    public static long rejected(SrtpSession.Counters counters) {
        return counters.authenticationFailures() + counters.replayDrops() + counters.malformed()
                + counters.ssrcLimitDrops() + counters.cryptoErrors();
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
