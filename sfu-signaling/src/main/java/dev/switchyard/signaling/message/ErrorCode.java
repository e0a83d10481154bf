package dev.switchyard.signaling.message;

import java.util.Locale;

/** The {@code code} of an {@code error} message (docs/PROTOCOL.md, "Error codes"). */
public enum ErrorCode {
    BAD_REQUEST,
    UNKNOWN_TYPE,
    NOT_JOINED,
    ALREADY_JOINED,
    INVALID_ROOM,
    UNKNOWN_TRACK,
    BAD_SDP,
    UNAUTHORIZED,
    INTERNAL,
    REMOVED,
    PEER_ID_TAKEN,
    UNKNOWN_PEER,
    TIMEOUT,
    LIMIT_REACHED,
    SESSION_GONE;

    /** The name on the wire, e.g. {@code bad_request}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
