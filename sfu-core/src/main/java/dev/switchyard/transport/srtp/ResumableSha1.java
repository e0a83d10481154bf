package dev.switchyard.transport.srtp;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.security.DigestException;
import java.util.Arrays;

/**
 * A {@link KeyPaddedSha1} that hashes its key pad once: it keeps the JDK SHA-1 engine's chaining state after the
 * pad and puts it back at {@link #begin()}, as HMAC implementations in C keep their inner and outer contexts. For
 * a 1200-byte SRTP packet that is 20 compressions per tag instead of 22 (about 9 % of the tag's cost, and the tag
 * is most of forwarding's cost). The JDK offers no public way to copy a digest's state without allocating a
 * clone, so this reaches the engine ({@code sun.security.provider.SHA}, its {@code state} words and
 * {@code DigestBase}'s byte counters, the same in JDK 17 to 25), which needs
 * {@code --add-opens java.base/sun.security.provider=ALL-UNNAMED} (the server jar's manifest carries it). Without
 * it, {@link #AVAILABLE} is false and {@link RestartingSha1} is used: same result, one block more.
 * The engine still runs the JVM's SHA-1 intrinsic (SHA-NI where the CPU has it).
 */
final class ResumableSha1 implements KeyPaddedSha1 {

    /** Whether the SHA-1 engine's state is reachable on this JVM. */
    static final boolean AVAILABLE;

    /** The JVM option that makes it reachable. */
    static final String REMEDY = "--add-opens java.base/sun.security.provider=ALL-UNNAMED";

    private static final int STATE_WORDS = 5;
    private static final int BLOCK = 64;

    private static final MethodHandle NEW_ENGINE;
    private static final MethodHandle UPDATE;
    private static final MethodHandle DIGEST;
    private static final VarHandle STATE;
    private static final VarHandle BUFFERED_BYTES;
    private static final VarHandle PROCESSED_BYTES;

    static {
        MethodHandle newEngine = null;
        MethodHandle update = null;
        MethodHandle digest = null;
        VarHandle state = null;
        VarHandle buffered = null;
        VarHandle processed = null;
        boolean available;
        try {
            Class<?> engine = Class.forName("sun.security.provider.SHA");
            Class<?> base = engine.getSuperclass();
            MethodHandles.Lookup engineAccess = MethodHandles.privateLookupIn(engine, MethodHandles.lookup());
            MethodHandles.Lookup baseAccess = MethodHandles.privateLookupIn(base, MethodHandles.lookup());
            newEngine = engineAccess.findConstructor(engine, MethodType.methodType(void.class))
                    .asType(MethodType.methodType(Object.class));
            update = baseAccess.findVirtual(base, "engineUpdate",
                            MethodType.methodType(void.class, byte[].class, int.class, int.class))
                    .asType(MethodType.methodType(void.class, Object.class, byte[].class, int.class, int.class));
            digest = baseAccess.findVirtual(base, "engineDigest",
                            MethodType.methodType(int.class, byte[].class, int.class, int.class))
                    .asType(MethodType.methodType(void.class, Object.class, byte[].class, int.class, int.class));
            state = engineAccess.findVarHandle(engine, "state", int[].class);
            buffered = baseAccess.findVarHandle(base, "bufOfs", int.class);
            processed = baseAccess.findVarHandle(base, "bytesProcessed", long.class);
            available = true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Not opened (IllegalAccessException), or a JDK whose engine looks different: use the portable one.
            available = false;
        }
        NEW_ENGINE = newEngine;
        UPDATE = update;
        DIGEST = digest;
        STATE = state;
        BUFFERED_BYTES = buffered;
        PROCESSED_BYTES = processed;
        AVAILABLE = available && answersLikeTheJdk();
    }

    private final Object engine;
    private final int[] engineState;
    private final int[] stateAfterPad;

    ResumableSha1(byte[] keyPad) {
        if (keyPad.length != BLOCK) {
            throw new IllegalArgumentException("a key pad is one SHA-1 block, not " + keyPad.length + " bytes");
        }
        try {
            engine = NEW_ENGINE.invokeExact();
            UPDATE.invokeExact(engine, keyPad, 0, keyPad.length);
        } catch (Throwable e) {
            throw new IllegalStateException("SHA-1 engine failed", e);
        }
        engineState = (int[]) STATE.get(engine);
        stateAfterPad = engineState.clone();
    }

    @Override
    public void begin() {
        System.arraycopy(stateAfterPad, 0, engineState, 0, STATE_WORDS);
        BUFFERED_BYTES.set(engine, 0);
        PROCESSED_BYTES.set(engine, (long) BLOCK);
    }

    @Override
    public void update(byte[] data, int offset, int length) {
        try {
            UPDATE.invokeExact(engine, data, offset, length);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void finish(byte[] out, int outOffset) throws DigestException {
        try {
            DIGEST.invokeExact(engine, out, outOffset, HmacSha1.LENGTH);
        } catch (DigestException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Checks, once, that resuming gives the JDK's own answer for a few messages, so that an engine whose
     * fields mean something else is never used.
     */
    private static boolean answersLikeTheJdk() {
        try {
            byte[] pad = new byte[BLOCK];
            Arrays.fill(pad, (byte) 0x36);
            ResumableSha1 resumed = new ResumableSha1(pad);
            RestartingSha1 restarted = new RestartingSha1(pad);
            byte[] message = new byte[300];
            for (int i = 0; i < message.length; i++) {
                message[i] = (byte) (i * 31 + 7);
            }
            byte[] expected = new byte[HmacSha1.LENGTH];
            byte[] actual = new byte[HmacSha1.LENGTH];
            for (int length : new int[] {0, 1, 55, 56, 64, 300}) {
                restarted.begin();
                restarted.update(message, 0, length);
                restarted.finish(expected, 0);
                resumed.begin();
                resumed.update(message, 0, length);
                resumed.finish(actual, 0);
                if (!Arrays.equals(expected, actual)) {
                    return false;
                }
            }
            return true;
        } catch (DigestException | RuntimeException e) {
            return false;
        }
    }
}
