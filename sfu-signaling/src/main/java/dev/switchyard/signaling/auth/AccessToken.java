package dev.switchyard.signaling.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * The claims of an access token: who its holder is, which room it opens and what it grants there, and when it is
 * valid.
 *
 * @param identity  the holder's identity, unique within the room (the JWT subject)
 * @param name      the display name others see, or null to let the client choose one
 * @param room      the one room the token opens
 * @param notBefore the first instant the token is valid
 * @param expiry    the instant the token stops being valid
 */
public record AccessToken(String identity, String name, String room, Grants grants, Instant notBefore,
                          Instant expiry) {

    public AccessToken {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(grants, "grants");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(expiry, "expiry");
    }
}
