package dev.switchyard.transport.srtp;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The portable {@link KeyPaddedSha1}: a JDK {@link MessageDigest} that hashes the key pad again for every message,
 * one SHA-1 block more per message than {@link ResumableSha1}. {@code MessageDigest.digest(byte[], int, int)}
 * writes into the caller's array, so nothing is allocated per message.
 */
final class RestartingSha1 implements KeyPaddedSha1 {

    private final MessageDigest sha1;
    private final byte[] keyPad;

    RestartingSha1(byte[] keyPad) {
        this.keyPad = keyPad.clone();
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }

    @Override
    public void begin() {
        sha1.reset();
        sha1.update(keyPad);
    }

    @Override
    public void update(byte[] data, int offset, int length) {
        sha1.update(data, offset, length);
    }

    @Override
    public void finish(byte[] out, int outOffset) throws DigestException {
        sha1.digest(out, outOffset, HmacSha1.LENGTH);
    }
}
