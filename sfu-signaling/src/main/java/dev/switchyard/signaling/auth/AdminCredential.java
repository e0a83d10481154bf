package dev.switchyard.signaling.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;

/**
 * Who may administer what, from a request's {@code Authorization: Bearer …}: the operator's admin key (compared in
 * constant time) administers every room and may read the server's health details and metrics; an access token
 * with the {@code admin} grant administers its own room only (a moderator).
 */
public final class AdminCredential {

    /** Long enough not to be guessed over HTTP. */
    public static final int MIN_KEY_BYTES = 16;
    private static final String BEARER = "Bearer ";
    private static final AdminCredential NONE = new AdminCredential(null, null);

    private final byte[] key;
    private final AccessTokens tokens;

    private AdminCredential(byte[] key, AccessTokens tokens) {
        this.key = key;
        this.tokens = tokens;
    }

    /** Neither an admin key nor access tokens: nothing is authorized. */
    public static AdminCredential none() {
        return NONE;
    }

    /**
     * @param key    the admin key, or null for none
     * @param tokens the server's access tokens, whose admin grant makes a room's moderator, or null for none
     */
    public static AdminCredential of(byte[] key, AccessTokens tokens) {
        if (key != null && key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the admin key must have at least " + MIN_KEY_BYTES + " bytes");
        }
        return new AdminCredential(key == null ? null : key.clone(), tokens);
    }

    public boolean isConfigured() {
        return key != null || tokens != null;
    }

    /** Whether the request carries the admin key itself (every room, health details, metrics). */
    public boolean authorizes(HttpRequest request) {
        return scope(request).filter(AdminScope::everyRoom).isPresent();
    }

    /** What the request may administer; empty without a valid key or admin token. */
    public Optional<AdminScope> scope(HttpRequest request) {
        String header = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String presented = header.substring(BEARER.length()).trim();
        if (key != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), key)) {
            return Optional.of(AdminScope.EVERY_ROOM);
        }
        if (tokens != null) {
            try {
                AccessToken token = tokens.verify(presented);
                if (token.grants().admin()) {
                    return Optional.of(new AdminScope(token.room()));
                }
            } catch (InvalidTokenException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
