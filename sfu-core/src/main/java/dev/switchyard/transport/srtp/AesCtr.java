package dev.switchyard.transport.srtp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;

import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES in counter mode over caller-supplied counter blocks, allocation-free. The JCE's own CTR and GCM modes need a
 * {@code Cipher.init} (and so new objects) for every IV, which is every packet in SRTP. Where the JVM lets it,
 * the JDK's counter-mode engine runs with its counter set directly ({@link JdkCounterMode}); otherwise the portable
 * path here runs the JDK cipher in ECB mode, keyed once, over counter blocks written into a reusable array.
 * Not thread-safe.
 *
 * <p>The portable path's counter and keystream arrays belong to the calling thread, not to the key: a media worker
 * protects for hundreds of subscribers in turn, and one pair of arrays stays in its L1 cache where one pair per
 * subscriber (and per direction) would not.
 */
final class AesCtr {

    static final int BLOCK = 16;

    /** Counter blocks encrypted per cipher call: enough for any packet up to the MTU in one call. */
    private static final int CHUNK = 96 * BLOCK;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Several bytes at a time at any offset: copies and XORs are byte-wise, so the byte order does not matter. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.nativeOrder());
    /** The counter word is a big-endian number: one swapped store instead of four byte stores per block. */
    private static final VarHandle BIG_ENDIAN_INTS =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private final byte[] key;
    /** The JDK's counter-mode engine, or null for the portable path. */
    private final JdkCounterMode counterMode;
    /**
     * AES in ECB mode: the portable path's keystream, and single blocks ({@link #encryptBlock}, AES-GCM's hash key
     * and tag mask). Made when first needed: with the JDK's engine, AES-CM never needs it.
     */
    private Cipher ecb;

    AesCtr(byte[] key) {
        this(key, JdkCounterMode.AVAILABLE);
    }

    /** @param jdkCounterMode whether to use {@link JdkCounterMode} (it must be {@link JdkCounterMode#AVAILABLE}) */
    AesCtr(byte[] key, boolean jdkCounterMode) {
        if (jdkCounterMode && !JdkCounterMode.AVAILABLE) {
            throw new IllegalStateException("the JDK's AES counter mode is not reachable: " + JdkCounterMode.REMEDY);
        }
        this.key = key.clone();
        counterMode = jdkCounterMode ? new JdkCounterMode(key) : null;
        if (counterMode == null) {
            ecb = newEcb(key);
        }
    }

    private static Cipher newEcb(byte[] key) {
        try {
            Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
            return ecb;
        } catch (GeneralSecurityException e) {
            // Independent of packet content: the JDK lacks AES, a deployment error.
            throw new IllegalStateException("AES is not available", e);
        }
    }

    /** Encrypts one block; {@code in} and {@code out} must be different arrays (the JCE copies otherwise). */
    void encryptBlock(byte[] in, int inOffset, byte[] out, int outOffset) throws ShortBufferException {
        if (ecb == null) {
            ecb = newEcb(key);
        }
        ecb.update(in, inOffset, BLOCK, out, outOffset);
    }

    /**
     * XORs the keystream E(k, c) || E(k, c + 1) || ... into {@code data[offset, offset + length)}, where
     * {@code c} is the 16-byte {@code counter}. The counter's last 32 bits must not wrap within one call: then
     * the portable path's 32-bit increment (NIST SP 800-38D inc32, what GCM asks) and the JDK engine's 128-bit one
     * (what AES-CM asks, RFC 3711 §4.1.1) agree. SRTP's counters never wrap there: AES-CM's IV ends in 16 zero
     * bits and GCM's block count starts at 2, and a packet is far shorter than 2^16 blocks.
     */
    void xorKeystream(byte[] counter, byte[] data, int offset, int length) throws ShortBufferException {
        if (counterMode != null) {
            counterMode.xorKeystream(counter, data, offset, length);
            return;
        }
        long high = (long) LONGS.get(counter, 0);
        int middle = (int) INTS.get(counter, 8);
        int low = (int) BIG_ENDIAN_INTS.get(counter, BLOCK - 4);
        Scratch scratch = SCRATCH.get();
        byte[] counters = scratch.counters;
        byte[] keystream = scratch.keystream;
        while (length > 0) {
            int chunk = Math.min(length, CHUNK);
            int blocks = (chunk + BLOCK - 1) / BLOCK;
            for (int at = 0; at < blocks * BLOCK; at += BLOCK) {
                LONGS.set(counters, at, high);
                INTS.set(counters, at + 8, middle);
                BIG_ENDIAN_INTS.set(counters, at + BLOCK - 4, low++);
            }
            ecb.update(counters, 0, blocks * BLOCK, keystream, 0);
            xor(keystream, data, offset, chunk);
            offset += chunk;
            length -= chunk;
        }
    }

    private static void xor(byte[] keystream, byte[] data, int offset, int length) {
        int i = 0;
        for (; i <= length - Long.BYTES; i += Long.BYTES) {
            long mixed = (long) LONGS.get(data, offset + i) ^ (long) LONGS.get(keystream, i);
            LONGS.set(data, offset + i, mixed);
        }
        for (; i < length; i++) {
            data[offset + i] ^= keystream[i];
        }
    }

    /** One thread's counter blocks and the keystream they encrypt to. */
    private static final class Scratch {
        final byte[] counters = new byte[CHUNK];
        final byte[] keystream = new byte[CHUNK];
    }

    /** Writes {@code value} big-endian, as SRTP's counters, indexes and ROC are. */
    static void writeInt(byte[] buffer, int index, int value) {
        BIG_ENDIAN_INTS.set(buffer, index, value);
    }
}
