package dev.switchyard.transport.interop;

import java.util.HashMap;
import java.util.Map;

/**
 * The one-line JSON objects (RFC 8259) the Node peers exchange with the tests. Only flat objects whose values are
 * strings, numbers or literals occur, so that is all this reads; numbers and literals come back as their text.
 */
final class JsonLine {

    private final String text;
    private int position;

    private JsonLine(String text) {
        this.text = text;
    }

    /**
     * Parses one flat JSON object.
     *
     * @throws IllegalArgumentException if {@code line} is not a flat object of strings, numbers and literals
     */
    static Map<String, String> parseObject(String line) {
        JsonLine parser = new JsonLine(line);
        Map<String, String> members = new HashMap<>();
        parser.expect('{');
        if (!parser.consume('}')) {
            do {
                String name = parser.string();
                parser.expect(':');
                members.put(name, parser.peek() == '"' ? parser.string() : parser.bareValue());
            } while (parser.consume(','));
            parser.expect('}');
        }
        parser.skipWhitespace();
        if (parser.position != line.length()) {
            throw parser.error("trailing characters");
        }
        return members;
    }

    /** {@code value} as a JSON string literal. */
    static String quote(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 16).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    private String string() {
        expect('"');
        StringBuilder value = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return value.toString();
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            char escaped = next();
            switch (escaped) {
                case '"', '\\', '/' -> value.append(escaped);
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'u' -> {
                    if (position + 4 > text.length()) {
                        throw error("truncated \\u escape");
                    }
                    value.append((char) Integer.parseInt(text, position, position + 4, 16));
                    position += 4;
                }
                default -> throw error("unknown escape \\" + escaped);
            }
        }
    }

    /** A number, {@code true}, {@code false} or {@code null}, as written. */
    private String bareValue() {
        int start = position;
        while (position < text.length() && ",}".indexOf(text.charAt(position)) < 0
                && !Character.isWhitespace(text.charAt(position))) {
            position++;
        }
        if (start == position) {
            throw error("missing value");
        }
        return text.substring(start, position);
    }

    private char peek() {
        skipWhitespace();
        if (position >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(position);
    }

    private char next() {
        if (position >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(position++);
    }

    private boolean consume(char expected) {
        if (peek() == expected) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(char expected) {
        if (!consume(expected)) {
            throw error("expected '" + expected + "'");
        }
    }

    private void skipWhitespace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException(problem + " at " + position + " in " + text);
    }
}
