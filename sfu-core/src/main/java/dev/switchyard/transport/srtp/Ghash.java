package dev.switchyard.transport.srtp;

import java.util.Arrays;

import org.bouncycastle.crypto.modes.gcm.GCMMultiplier;
import org.bouncycastle.crypto.modes.gcm.Tables8kGCMMultiplier;

/**
 * The GHASH function of GCM (NIST SP 800-38D §6.4) over byte ranges fed in pieces, allocation-free: Bouncy
 * Castle's table multiplier is built once per hash key. The AAD and the ciphertext are each zero-padded to a
 * block by {@link #padToBlock()}, so a section may arrive in several non-contiguous pieces (SRTCP's AAD does).
 * Not thread-safe.
 */
final class Ghash {

    private final GCMMultiplier multiplier = new Tables8kGCMMultiplier();
    private final byte[] state = new byte[AesCtr.BLOCK];
    private int pending;

    /** @param hashKey H = E(K, 0^128) */
    Ghash(byte[] hashKey) {
        multiplier.init(hashKey);
    }

    void start() {
        Arrays.fill(state, (byte) 0);
        pending = 0;
    }

    void update(byte[] data, int offset, int length) {
        int end = offset + length;
        // XORing a block into the state then multiplying by H is one GHASH step; a partial block stays
        // XORed in until it fills up or is padded, since padding with zeros changes nothing.
        while (offset < end) {
            if (pending == 0 && end - offset >= AesCtr.BLOCK) {
                for (int i = 0; i < AesCtr.BLOCK; i++) {
                    state[i] ^= data[offset + i];
                }
                offset += AesCtr.BLOCK;
                multiplier.multiplyH(state);
                continue;
            }
            state[pending++] ^= data[offset++];
            if (pending == AesCtr.BLOCK) {
                multiplier.multiplyH(state);
                pending = 0;
            }
        }
    }

    void padToBlock() {
        if (pending != 0) {
            multiplier.multiplyH(state);
            pending = 0;
        }
    }

    /** Pads, hashes the block len(A) || len(C) in bits, and writes the result XOR {@code mask} to {@code out}. */
    void finish(long aadLength, long ciphertextLength, byte[] mask, byte[] out, int outOffset) {
        padToBlock();
        xorLong(8 * aadLength, 0);
        xorLong(8 * ciphertextLength, 8);
        multiplier.multiplyH(state);
        for (int i = 0; i < AesCtr.BLOCK; i++) {
            out[outOffset + i] = (byte) (state[i] ^ mask[i]);
        }
    }

    private void xorLong(long value, int at) {
        for (int i = 0; i < 8; i++) {
            state[at + i] ^= (byte) (value >>> (56 - 8 * i));
        }
    }
}
