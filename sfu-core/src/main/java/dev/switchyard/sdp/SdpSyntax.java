package dev.switchyard.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/** Strict lexical helpers shared by the line and attribute parsers; all failures are {@link SdpParseException}. */
final class SdpSyntax {

    static final long MAX_UINT32 = 0xFFFF_FFFFL;
    static final int MAX_PORT = 65_535;
    static final int MAX_PAYLOAD_TYPE = 127;

    /** Enough digits for any value we store in a long, few enough that parsing cannot overflow. */
    private static final int MAX_DIGITS = 18;

    private SdpSyntax() {
    }

    /**
     * Splits on every occurrence of {@code separator}; an empty part (doubled, leading or trailing separator) is an
     * error because RFC 8866 fields are separated by exactly one character.
     */
    static List<String> split(String text, char separator, String what) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (true) {
            int end = text.indexOf(separator, start);
            String part = end < 0 ? text.substring(start) : text.substring(start, end);
            if (part.isEmpty()) {
                throw new SdpParseException(what + ": empty field in '" + text + "'");
            }
            parts.add(part);
            if (end < 0) {
                return parts;
            }
            start = end + 1;
        }
    }

    /** Like {@link #split} but requires exactly {@code count} parts. */
    static List<String> split(String text, char separator, int count, String what) {
        List<String> parts = split(text, separator, what);
        if (parts.size() != count) {
            throw new SdpParseException(what + ": expected " + count + " fields but found " + parts.size());
        }
        return parts;
    }

    /**
     * Parses an unsigned decimal within {@code [min, max]}: ASCII digits only, no sign and no leading zero
     * (RFC 8866 §9 integer = POS-DIGIT *DIGIT), so the number writes back exactly as it was read.
     */
    static long parseNumber(String token, long min, long max, String what) {
        if (token.isEmpty() || token.length() > MAX_DIGITS || (token.length() > 1 && token.charAt(0) == '0')) {
            throw new SdpParseException(what + ": invalid number '" + token + "'");
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < '0' || c > '9') {
                throw new SdpParseException(what + ": invalid number '" + token + "'");
            }
        }
        long value = Long.parseLong(token);
        if (value < min || value > max) {
            throw new SdpParseException(what + ": " + value + " is outside " + min + ".." + max);
        }
        return value;
    }

    static int parseInt(String token, int min, int max, String what) {
        return (int) parseNumber(token, min, max, what);
    }

    /** RFC 8866 §9 token-char: visible ASCII except the separators " ( ) , / : ; < = > ? @ [ \ ] { }. */
    static boolean isToken(String text) {
        return isNonEmptyOf(text, c -> c == 0x21 || (c >= 0x23 && c <= 0x27) || c == 0x2A || c == 0x2B || c == 0x2D
                || c == 0x2E || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x5E && c <= 0x7E));
    }

    /** Whether {@code text} has at least one character and every character is {@code allowed}. */
    static boolean isNonEmptyOf(String text, IntPredicate allowed) {
        return !text.isEmpty() && text.chars().allMatch(allowed);
    }

    static boolean isAlphaNumeric(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static String requireToken(String text, String what) {
        if (!isToken(text)) {
            throw new SdpParseException(what + ": invalid token '" + text + "'");
        }
        return text;
    }

    /**
     * Checks a space-separated field of a programmatically built line.
     *
     * @throws IllegalArgumentException if it is empty or contains a space, NUL, CR or LF
     */
    static String requireField(String text, String what) {
        if (text.isEmpty() || text.indexOf(' ') >= 0) {
            throw new IllegalArgumentException(what + " must be non-empty without spaces: '" + text + "'");
        }
        return requireLineText(text, what);
    }

    /** Rejects text that cannot be written on one SDP line (RFC 8866 §9 byte-string excludes NUL, CR and LF). */
    static String requireLineText(String text, String what) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0' || c == '\r' || c == '\n') {
                throw new IllegalArgumentException(what + " contains NUL, CR or LF");
            }
        }
        return text;
    }
}
