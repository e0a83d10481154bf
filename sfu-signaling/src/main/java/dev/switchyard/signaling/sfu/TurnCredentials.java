package dev.switchyard.signaling.sfu;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-limited TURN credentials under a secret shared with the TURN server: coturn's {@code use-auth-secret}
 * scheme (the "TURN REST API" draft). The user name is {@code expiry:user} (expiry in Unix seconds) and the
 * password is base64(HMAC-SHA1(secret, user name)); the TURN server recomputes the password and refuses it once
 * the expiry has passed. Each participant gets its own, so a credential leaked by one ends with its expiry.
 */
public final class TurnCredentials {

    private static final String HMAC_SHA1 = "HmacSHA1";

    private final List<String> urls;
    private final SecretKeySpec key;
    private final Duration lifetime;
    private final Clock clock;

    /**
     * @param urls     the TURN server's {@code turn:} / {@code turns:} URLs
     * @param secret   the TURN server's {@code static-auth-secret}
     * @param lifetime how long a credential stays valid: longer than a call, since an allocation is refreshed
     *                 with the same credential
     */
    public TurnCredentials(List<String> urls, byte[] secret, Duration lifetime, Clock clock) {
        if (urls.isEmpty() || secret.length == 0 || lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("TURN credentials need URLs, a secret and a positive lifetime");
        }
        this.urls = List.copyOf(urls);
        this.key = new SecretKeySpec(secret, HMAC_SHA1);
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** A credential for {@code user} (its identity or participant id, which the TURN server's logs show). */
    public IceServer issue(String user) {
        String username = clock.instant().plus(lifetime).getEpochSecond() + ":" + user;
        return new IceServer(urls, username, password(username));
    }

    String password(String username) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA1);
            mac.init(key);
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }
}
