package dev.switchyard.transport.ice;

import java.security.SecureRandom;

/**
 * The random start of every local ICE username fragment. ice4j adds only 24 random bits and a timestamp to
 * what it is given, and the ufrag is what the shared media port routes connectivity checks by, so the prefix
 * carries the unpredictability: 80 bits from a {@link SecureRandom}, in ICE characters (RFC 8445 §15.4).
 */
final class UfragPrefix {

    static final int RANDOM_BITS = 80;
    /** Base 32 digits: 5 bits each. */
    static final int LENGTH = RANDOM_BITS / 5;

    private static final char[] DIGITS = "0123456789abcdefghijklmnopqrstuv".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private UfragPrefix() {
    }

    static String next() {
        byte[] bytes = new byte[RANDOM_BITS / Byte.SIZE];
        RANDOM.nextBytes(bytes);
        char[] prefix = new char[LENGTH];
        long bits = 0;
        int available = 0;
        int next = 0;
        for (byte b : bytes) {
            bits = (bits << Byte.SIZE) | (b & 0xFF);
            available += Byte.SIZE;
            while (available >= 5) {
                available -= 5;
                prefix[next++] = DIGITS[(int) (bits >>> available) & 0x1F];
            }
        }
        return new String(prefix);
    }
}
