package dev.switchyard.signaling.auth;

/**
 * What a join was let in as.
 *
 * @param identity the token's identity, or null in development mode (no key configured)
 * @param name     the display name the token sets, or null to take the client's
 */
public record Admission(String identity, String name, Grants grants) {
}
