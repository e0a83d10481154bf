package dev.switchyard.rtp.testing;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;


/**
 * Drives a parser with random bytes and mutations of valid packets.
 *
 * <p>Every input is parsed twice: once in an array of exactly its own length (so any read past the end
 * raises {@link ArrayIndexOutOfBoundsException}), and once embedded at an offset between unrelated bytes (so
 * a read before the start or after the end would see foreign data). The parser must not throw anything in
 * either case, and both parses must agree, which they can only do if it stayed inside the packet.
 */
public final class ParserFuzzer {

    /** A parser under test: returns a summary of what it understood, or a fixed value for rejection. */
    @FunctionalInterface
    public interface Parser {
        Object parse(byte[] buffer, int offset, int length);
    }

    private static final int GUARD = 64;

    private ParserFuzzer() {
    }

    /** Runs {@code iterations} inputs: a third pure random bytes, the rest mutations of {@code seeds}. */
    public static void fuzz(Parser parser, List<byte[]> seeds, int iterations, long randomSeed) {
        SplittableRandom random = new SplittableRandom(randomSeed);
        for (int i = 0; i < iterations; i++) {
            byte[] input = (seeds.isEmpty() || i % 3 == 0)
                    ? randomBytes(random)
                    : mutate(seeds.get(random.nextInt(seeds.size())), random);
            check(parser, input, random);
        }
    }

    /**
     * Checks one input (a coverage-guided fuzzer's): in place and embedded between foreign bytes, which are
     * derived from the input so that a finding replays the same way.
     */
    public static void checkOne(Parser parser, byte[] input) {
        check(parser, input, new SplittableRandom(Arrays.hashCode(input)));
    }

    private static void check(Parser parser, byte[] input, SplittableRandom random) {
        Object exact;
        try {
            exact = parser.parse(input, 0, input.length);
        } catch (RuntimeException e) {
            throw new AssertionError("parser threw on input " + hex(input), e);
        }
        byte[] framed = new byte[GUARD + input.length + GUARD];
        for (int i = 0; i < framed.length; i++) {
            framed[i] = (byte) random.nextInt(256);
        }
        System.arraycopy(input, 0, framed, GUARD, input.length);
        Object embedded;
        try {
            embedded = parser.parse(framed, GUARD, input.length);
        } catch (RuntimeException e) {
            throw new AssertionError("parser threw on embedded input " + hex(input), e);
        }
        if (exact != null || embedded != null) {
            assertEquals(exact, embedded, () -> "parser read outside the packet for input " + hex(input));
        }
    }

    private static byte[] randomBytes(SplittableRandom random) {
        byte[] bytes = new byte[random.nextInt(0, 1500)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    private static byte[] mutate(byte[] seed, SplittableRandom random) {
        byte[] bytes = Arrays.copyOf(seed, seed.length);
        switch (random.nextInt(4)) {
            case 0 -> { // truncate
                return Arrays.copyOf(bytes, bytes.length == 0 ? 0 : random.nextInt(bytes.length));
            }
            case 1 -> { // extend with random tail
                byte[] longer = Arrays.copyOf(bytes, bytes.length + random.nextInt(1, 64));
                for (int i = bytes.length; i < longer.length; i++) {
                    longer[i] = (byte) random.nextInt(256);
                }
                return longer;
            }
            default -> { // flip a few bytes, biased towards the header where the lengths live
                int flips = random.nextInt(1, 5);
                for (int i = 0; i < flips && bytes.length > 0; i++) {
                    int at = random.nextBoolean() ? random.nextInt(Math.min(bytes.length, 32)) : random.nextInt(bytes.length);
                    bytes[at] = (byte) random.nextInt(256);
                }
                return bytes;
            }
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, 96); i++) {
            sb.append(String.format("%02x", bytes[i]));
        }
        return bytes.length > 96 ? sb + "…(" + bytes.length + " bytes)" : sb.toString();
    }
}
