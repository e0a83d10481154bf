package dev.switchyard.signaling.auth;

import java.util.Objects;

/**
 * Decides who may join which room. With a token key configured, a join needs an access token for that room;
 * without one the server is in development mode: anyone may join any room with a participant's usual grants, and
 * the server says so in every {@code joined} and at start-up.
 */
public final class JoinAuthority {

    private static final JoinAuthority DEVELOPMENT_MODE = new JoinAuthority(null);

    private final AccessTokens tokens;

    private JoinAuthority(AccessTokens tokens) {
        this.tokens = tokens;
    }

    public static JoinAuthority developmentMode() {
        return DEVELOPMENT_MODE;
    }

    public static JoinAuthority withTokens(AccessTokens tokens) {
        return new JoinAuthority(Objects.requireNonNull(tokens, "tokens"));
    }

    public boolean isDevelopmentMode() {
        return tokens == null;
    }

    /**
     * @param token the client's token, or null if it sent none
     * @throws InvalidTokenException if a token is required and is missing, invalid or for another room
     */
    public Admission admit(String room, String token) throws InvalidTokenException {
        if (tokens == null) {
            return new Admission(null, null, Grants.PARTICIPANT);
        }
        if (token == null || token.isEmpty()) {
            throw new InvalidTokenException("this server needs an access token to join");
        }
        AccessToken verified = tokens.verify(token);
        if (!verified.room().equals(room)) {
            throw new InvalidTokenException("the token is for another room");
        }
        return new Admission(verified.identity(), verified.name(), verified.grants());
    }
}
