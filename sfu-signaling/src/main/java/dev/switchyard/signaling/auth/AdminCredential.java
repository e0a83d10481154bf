package dev.switchyard.signaling.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;

/**
 * The operator's credential for the admin API and the detailed health report: a key sent as
 * {@code Authorization: Bearer <key>}, compared in constant time.
 */
public final class AdminCredential {

    /** Long enough not to be guessed over HTTP. */
    public static final int MIN_KEY_BYTES = 16;
    private static final String BEARER = "Bearer ";
    private static final AdminCredential NONE = new AdminCredential(null);

    private final byte[] key;

    private AdminCredential(byte[] key) {
        this.key = key;
    }

    /** No admin key is configured: nothing is authorized. */
    public static AdminCredential none() {
        return NONE;
    }

    public static AdminCredential of(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the admin key must have at least " + MIN_KEY_BYTES + " bytes");
        }
        return new AdminCredential(key.clone());
    }

    public boolean isConfigured() {
        return key != null;
    }

    /** Whether the request carries the admin key. */
    public boolean authorizes(HttpRequest request) {
        String header = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (key == null || header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        byte[] presented = header.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(presented, key);
    }
}
