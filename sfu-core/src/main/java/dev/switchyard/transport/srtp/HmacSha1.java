package dev.switchyard.transport.srtp;

import java.security.DigestException;
import java.util.Arrays;

/**
 * HMAC-SHA1 (RFC 2104) computed into a caller's array: {@code javax.crypto.Mac.doFinal} allocates its result.
 * Use as {@link #start()}, {@link #update} any number of times, {@link #finish}. Not thread-safe.
 */
final class HmacSha1 {

    static final int LENGTH = 20;

    private static final int BLOCK = 64;

    private final KeyPaddedSha1 inner;
    private final KeyPaddedSha1 outer;
    private final byte[] innerHash = new byte[LENGTH];

    /** @param key at most 64 bytes (SRTP's is 20, RFC 3711 §4.2.1) */
    HmacSha1(byte[] key) {
        this(key, ResumableSha1.AVAILABLE);
    }

    /** @param resumable whether to use {@link ResumableSha1} (it must be {@link ResumableSha1#AVAILABLE}) */
    HmacSha1(byte[] key, boolean resumable) {
        if (key.length > BLOCK) {
            throw new IllegalArgumentException("HMAC-SHA1 key longer than a block: " + key.length);
        }
        if (resumable && !ResumableSha1.AVAILABLE) {
            throw new IllegalStateException("the SHA-1 engine is not reachable: " + ResumableSha1.REMEDY);
        }
        byte[] innerPad = keyPad(key, (byte) 0x36);
        byte[] outerPad = keyPad(key, (byte) 0x5C);
        inner = resumable ? new ResumableSha1(innerPad) : new RestartingSha1(innerPad);
        outer = resumable ? new ResumableSha1(outerPad) : new RestartingSha1(outerPad);
    }

    void start() {
        inner.begin();
    }

    void update(byte[] data, int offset, int length) {
        inner.update(data, offset, length);
    }

    /** Writes the 20-byte MAC of everything passed to {@link #update} since {@link #start()}. */
    void finish(byte[] out, int outOffset) throws DigestException {
        inner.finish(innerHash, 0);
        outer.begin();
        outer.update(innerHash, 0, LENGTH);
        outer.finish(out, outOffset);
    }

    private static byte[] keyPad(byte[] key, byte pad) {
        byte[] keyPad = new byte[BLOCK];
        Arrays.fill(keyPad, pad);
        for (int i = 0; i < key.length; i++) {
            keyPad[i] ^= key[i];
        }
        return keyPad;
    }
}
