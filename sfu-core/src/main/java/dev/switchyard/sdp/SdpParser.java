package dev.switchyard.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads SDP text into a {@link SessionDescription}. Lines must follow the RFC 8866 §5 order; anything out of
 * order, unknown type letters (which §5 allows a parser to reject) and malformed values of understood attributes
 * raise {@link SdpParseException} with the line number.
 */
final class SdpParser {

    /** RFC 8866 §5 session-level order; letters listed in {@code REPEATABLE} may occur several times in a row. */
    private static final String SESSION_ORDER = "vosiuepcbtrzka";
    private static final String MEDIA_ORDER = "micbka";
    private static final String REPEATABLE = "epbra";
    /** Lines kept verbatim as {@link SdpLine}. */
    private static final String UNINTERPRETED = "iueprzk";

    private final List<String> lines;
    private int lineNumber;
    private int rank;

    private SdpParser(List<String> lines) {
        this.lines = lines;
    }

    static SessionDescription parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new SdpParseException(1, "empty session description");
        }
        return new SdpParser(splitLines(text)).parseSession();
    }

    /** Accepts CRLF or bare LF; a final line ending is optional, empty lines are not allowed (RFC 8866 §5). */
    private static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            String line = text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end);
            lines.add(line);
            start = newline < 0 ? text.length() : newline + 1;
        }
        return lines;
    }

    private SessionDescription parseSession() {
        expectHeader('v');
        if (!value().equals("0")) {
            throw error("unsupported protocol version '" + value() + "'");
        }
        expectHeader('o');
        Origin origin = parseValue(Origin::parse);
        expectHeader('s');
        SessionDescription session = new SessionDescription(origin).setSessionName(value());
        rank = SESSION_ORDER.indexOf('s');
        boolean hasTiming = false;
        while (next()) {
            char type = type();
            if (type == 'm') {
                break;
            }
            advance(type, SESSION_ORDER, "at session level");
            switch (type) {
                case 'c' -> session.setConnection(parseValue(ConnectionData::parse));
                case 'b' -> session.bandwidths().add(parseValue(Bandwidth::parse));
                case 't' -> {
                    session.setTiming(parseValue(Timing::parse));
                    hasTiming = true;
                }
                case 'a' -> addAttribute(session.attributes());
                default -> session.addOtherLine(new SdpLine(type, value()));
            }
        }
        if (!hasTiming) {
            throw error("missing t= line");
        }
        while (lineNumber <= lines.size()) {
            session.addMedia(parseMedia());
        }
        return session;
    }

    /** Parses the m= line at the cursor and the lines of its section; leaves the cursor past the section. */
    private MediaDescription parseMedia() {
        MediaDescription media = parseValue(MediaDescription::parse);
        rank = MEDIA_ORDER.indexOf('m');
        while (next()) {
            char type = type();
            if (type == 'm') {
                return media;
            }
            advance(type, MEDIA_ORDER, "in a media section");
            switch (type) {
                case 'c' -> media.setConnection(parseValue(ConnectionData::parse));
                case 'b' -> media.bandwidths().add(parseValue(Bandwidth::parse));
                case 'a' -> addAttribute(media.attributes());
                default -> media.addOtherLine(new SdpLine(type, value()));
            }
        }
        return media;
    }

    /**
     * Moves to the next line and checks its shape; false at the end of input, where {@link #lineNumber} is left
     * one past the last line.
     */
    private boolean next() {
        lineNumber++;
        if (lineNumber > lines.size()) {
            return false;
        }
        String line = lines.get(lineNumber - 1);
        if (line.isEmpty()) {
            throw error("empty line");
        }
        if (line.length() < 2 || line.charAt(1) != '=' || line.charAt(0) < 'a' || line.charAt(0) > 'z') {
            throw error("expected <letter>=<value> but found '" + abbreviate(line) + "'");
        }
        for (int i = 2; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\0' || c == '\r') {
                throw error("NUL or CR inside a line");
            }
        }
        return true;
    }

    private void expectHeader(char type) {
        if (!next() || type() != type) {
            throw error("expected " + type + "= line");
        }
    }

    /** Enforces RFC 8866 §5 line order within the current section. */
    private void advance(char type, String order, String where) {
        int next = order.indexOf(type);
        if (next < 0) {
            throw error(SESSION_ORDER.indexOf(type) < 0
                    ? "unknown line type '" + type + "='"
                    : type + "= line is not allowed " + where);
        }
        if (next < rank) {
            throw error(type + "= line out of order " + where);
        }
        if (next == rank && REPEATABLE.indexOf(type) < 0) {
            throw error("more than one " + type + "= line " + where);
        }
        rank = next;
    }

    private void addAttribute(Attributes attributes) {
        String text = value();
        int colon = text.indexOf(':');
        String name = colon < 0 ? text : text.substring(0, colon);
        if (!SdpSyntax.isToken(name)) {
            throw error("invalid attribute name '" + abbreviate(name) + "'");
        }
        Attribute attribute = new Attribute(name, colon < 0 ? null : text.substring(colon + 1));
        try {
            attributes.add(attribute);
        } catch (SdpParseException e) {
            throw error(e.reason());
        }
    }

    private <T> T parseValue(Function<String, T> parser) {
        try {
            return parser.apply(value());
        } catch (SdpParseException e) {
            throw error(e.reason());
        }
    }

    private char type() {
        return lines.get(lineNumber - 1).charAt(0);
    }

    private String value() {
        return lines.get(lineNumber - 1).substring(2);
    }

    private SdpParseException error(String reason) {
        return new SdpParseException(Math.min(Math.max(lineNumber, 1), lines.size()), reason);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
