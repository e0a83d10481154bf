package dev.switchyard.transport.srtp;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * HMAC-SHA1 (RFC 2104) over a JDK SHA-1 {@link MessageDigest}, computed into a caller's array:
 * {@code javax.crypto.Mac.doFinal} allocates its result, {@code MessageDigest.digest(byte[], int, int)} does
 * not. Use as {@link #start()}, {@link #update} any number of times, {@link #finish}. Not thread-safe.
 */
final class HmacSha1 {

    static final int LENGTH = 20;

    private static final int BLOCK = 64;

    private final MessageDigest sha1;
    private final byte[] innerPad = new byte[BLOCK];
    private final byte[] outerPad = new byte[BLOCK];
    private final byte[] innerHash = new byte[LENGTH];

    /** @param key at most 64 bytes (SRTP's is 20, RFC 3711 §4.2.1) */
    HmacSha1(byte[] key) {
        if (key.length > BLOCK) {
            throw new IllegalArgumentException("HMAC-SHA1 key longer than a block: " + key.length);
        }
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
        Arrays.fill(innerPad, (byte) 0x36);
        Arrays.fill(outerPad, (byte) 0x5C);
        for (int i = 0; i < key.length; i++) {
            innerPad[i] ^= key[i];
            outerPad[i] ^= key[i];
        }
    }

    void start() {
        sha1.reset();
        sha1.update(innerPad);
    }

    void update(byte[] data, int offset, int length) {
        sha1.update(data, offset, length);
    }

    /** Writes the 20-byte MAC of everything passed to {@link #update} since {@link #start()}. */
    void finish(byte[] out, int outOffset) throws DigestException {
        sha1.digest(innerHash, 0, LENGTH);
        sha1.update(outerPad);
        sha1.update(innerHash);
        sha1.digest(out, outOffset, LENGTH);
    }
}
