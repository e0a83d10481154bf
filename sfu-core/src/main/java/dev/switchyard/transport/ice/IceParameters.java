package dev.switchyard.transport.ice;

import java.util.Objects;

/** ICE credentials of one side (RFC 8839 §5.4): {@code a=ice-ufrag} and {@code a=ice-pwd}. */
public record IceParameters(String usernameFragment, String password) {

    public IceParameters {
        Objects.requireNonNull(usernameFragment, "usernameFragment");
        Objects.requireNonNull(password, "password");
        // RFC 8839 §5.4: ufrag at least 4 and pwd at least 22 ice-chars, at most 256 each.
        if (usernameFragment.length() < 4 || usernameFragment.length() > 256) {
            throw new IllegalArgumentException("ICE ufrag must have 4 to 256 characters");
        }
        if (password.length() < 22 || password.length() > 256) {
            throw new IllegalArgumentException("ICE password must have 22 to 256 characters");
        }
    }
}
