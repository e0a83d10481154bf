package dev.switchyard.transport.srtp;

import java.security.DigestException;

/**
 * SHA-1 over a 64-byte key pad followed by what {@link #update} is given: one half of HMAC (RFC 2104), the inner
 * hash over {@code K xor ipad} or the outer one over {@code K xor opad}: {@link ResumableSha1} where the JVM lets
 * it reach the SHA-1 engine, the portable {@link RestartingSha1} otherwise. Not thread-safe.
 */
interface KeyPaddedSha1 {

    /** Starts a new hash at the state right after the key pad. */
    void begin();

    void update(byte[] data, int offset, int length);

    /** Writes the 20-byte hash of the key pad and everything passed to {@link #update} since {@link #begin()}. */
    void finish(byte[] out, int outOffset) throws DigestException;
}
