package dev.switchyard.server;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A TURN server sharing a secret with this server (coturn's {@code use-auth-secret}): participants get
 * credentials of their own, valid for {@code credentialLifetime}.
 *
 * @param urls its {@code turn:} and {@code turns:} URLs
 */
public record TurnSettings(List<String> urls, Secret secret, Duration credentialLifetime) {

    public TurnSettings {
        urls = List.copyOf(urls);
        Objects.requireNonNull(secret, "secret");
        if (urls.isEmpty() || urls.stream().anyMatch(url -> !url.startsWith("turn:") && !url.startsWith("turns:"))) {
            throw new IllegalArgumentException("TURN URLs must start with turn: or turns:, got " + urls);
        }
        if (credentialLifetime.isNegative() || credentialLifetime.isZero()) {
            throw new IllegalArgumentException("the credential lifetime must be positive: " + credentialLifetime);
        }
    }
}
