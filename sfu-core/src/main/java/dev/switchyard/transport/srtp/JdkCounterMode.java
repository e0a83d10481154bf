package dev.switchyard.transport.srtp;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * The JDK's own AES counter mode ({@code com.sun.crypto.provider.CounterMode}), driven without a
 * {@code Cipher.init} per packet: it sets the engine's counter block directly and runs the JVM's AES-CTR
 * intrinsic, which makes the counters, encrypts them and XORs the data in one vectorised pass. That is about
 * 2.5 times faster than {@link AesCtr}'s portable path (ECB over counter blocks written in Java, then a Java XOR)
 * and allocates nothing. Reaching the engine needs
 * {@code --add-opens java.base/com.sun.crypto.provider=ALL-UNNAMED} (the server jar's manifest carries it);
 * without it {@link #AVAILABLE} is false. Not thread-safe.
 *
 * <p>The engine adds one to the whole 128-bit counter per block, where {@link AesCtr} adds to its last 32 bits;
 * both give the same keystream because no SRTP counter carries out of its last 32 bits within a packet.
 */
final class JdkCounterMode {

    /** Whether the JDK's counter-mode engine is reachable on this JVM and answers like the portable path. */
    static final boolean AVAILABLE;

    /** The JVM option that makes it reachable. */
    static final String REMEDY = "--add-opens java.base/com.sun.crypto.provider=ALL-UNNAMED";

    private static final MethodHandle NEW_ENGINE;
    private static final MethodHandle INIT;
    private static final MethodHandle CRYPT;
    private static final VarHandle COUNTER;
    private static final VarHandle USED;

    static {
        MethodHandle newEngine = null;
        MethodHandle init = null;
        MethodHandle crypt = null;
        VarHandle counter = null;
        VarHandle used = null;
        boolean available;
        try {
            Class<?> mode = Class.forName("com.sun.crypto.provider.CounterMode");
            Class<?> aes = Class.forName("com.sun.crypto.provider.AESCrypt");
            Class<?> blockCipher = Class.forName("com.sun.crypto.provider.SymmetricCipher");
            MethodHandles.Lookup access = MethodHandles.privateLookupIn(mode, MethodHandles.lookup());
            MethodHandle newAes = access.findConstructor(aes, MethodType.methodType(void.class));
            newEngine = MethodHandles.filterReturnValue(
                            newAes.asType(MethodType.methodType(blockCipher)),
                            access.findConstructor(mode, MethodType.methodType(void.class, blockCipher)))
                    .asType(MethodType.methodType(Object.class));
            init = access.findVirtual(mode, "init",
                            MethodType.methodType(void.class, boolean.class, String.class, byte[].class, byte[].class))
                    .asType(MethodType.methodType(void.class, Object.class, boolean.class, String.class, byte[].class,
                            byte[].class));
            crypt = access.findVirtual(mode, "encrypt",
                            MethodType.methodType(int.class, byte[].class, int.class, int.class, byte[].class, int.class))
                    .asType(MethodType.methodType(void.class, Object.class, byte[].class, int.class, int.class,
                            byte[].class, int.class));
            counter = access.findVarHandle(mode, "counter", byte[].class);
            used = access.findVarHandle(mode, "used", int.class);
            available = true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Not opened (IllegalAccessException), or a JDK whose engine looks different: use the portable path.
            available = false;
        }
        NEW_ENGINE = newEngine;
        INIT = init;
        CRYPT = crypt;
        COUNTER = counter;
        USED = used;
        AVAILABLE = available && answersLikeThePortablePath();
    }

    private final Object engine;
    private final byte[] engineCounter;

    JdkCounterMode(byte[] key) {
        try {
            engine = NEW_ENGINE.invokeExact();
            INIT.invokeExact(engine, false, "AES", key.clone(), new byte[AesCtr.BLOCK]);
        } catch (Throwable e) {
            throw new IllegalStateException("the JDK's AES counter mode failed to start", e);
        }
        engineCounter = (byte[]) COUNTER.get(engine);
    }

    /** As {@link AesCtr#xorKeystream}. */
    void xorKeystream(byte[] counter, byte[] data, int offset, int length) {
        if (length == 0) {
            return;
        }
        System.arraycopy(counter, 0, engineCounter, 0, AesCtr.BLOCK);
        USED.set(engine, AesCtr.BLOCK); // no keystream left over from the previous packet
        try {
            CRYPT.invokeExact(engine, data, offset, length, data, offset);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks, once, that the engine gives the portable path's keystream, so that a changed engine is never used. */
    private static boolean answersLikeThePortablePath() {
        try {
            byte[] key = new byte[AesCtr.BLOCK];
            Arrays.fill(key, (byte) 0x2B);
            byte[] counter = new byte[AesCtr.BLOCK];
            Arrays.fill(counter, (byte) 0xF0);
            counter[AesCtr.BLOCK - 2] = 0; // a 16-bit block index starting at zero, as in AES-CM
            counter[AesCtr.BLOCK - 1] = 0;
            byte[] expected = new byte[1211];
            byte[] actual = new byte[expected.length];
            new AesCtr(key, false).xorKeystream(counter, expected, 3, expected.length - 3);
            new JdkCounterMode(key).xorKeystream(counter, actual, 3, actual.length - 3);
            return Arrays.equals(expected, actual);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
