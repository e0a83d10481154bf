package dev.switchyard.signaling.message;

/** The rule for room and peer ids: 1–64 characters of {@code [A-Za-z0-9_.-]}, safe in URLs and logs. */
public final class Identifiers {

    public static final int MAX_LENGTH = 64;

    private Identifiers() {
    }

    public static boolean isValid(String id) {
        if (id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
