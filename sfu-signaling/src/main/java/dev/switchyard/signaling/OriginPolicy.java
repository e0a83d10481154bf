package dev.switchyard.signaling;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which web origins may open the WebSocket endpoints. A browser sends its page's origin with every WebSocket
 * handshake (RFC 6455 §4.1), and nothing else stops a page on any site from signaling as its visitor; a
 * client that is no browser sends none and is let through (tokens, not origins, authenticate clients).
 *
 * <p>Allowed: the server's own origin (the request's Host), pages on this machine (localhost, 127.0.0.1, ::1),
 * and the configured origins.
 */
public final class OriginPolicy {

    /** The server's own origin and this machine's. */
    public static final OriginPolicy SAME_ORIGIN_AND_LOCAL = new OriginPolicy(Set.of());

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final Set<String> allowed;

    /** @param allowedOrigins further origins, each {@code scheme://host[:port]} */
    public OriginPolicy(Set<String> allowedOrigins) {
        this.allowed = allowedOrigins.stream().map(OriginPolicy::normalize).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * @param origin the handshake's Origin header, or null
     * @param host the request's Host header, or null
     */
    public boolean allows(String origin, String host) {
        if (origin == null) {
            return true;
        }
        URI uri;
        try {
            uri = new URI(origin.trim());
        } catch (URISyntaxException e) {
            return false;
        }
        if (uri.getHost() == null || uri.getScheme() == null) {
            return false;
        }
        String originHost = uri.getHost().toLowerCase(Locale.ROOT);
        if (LOCAL_HOSTS.contains(originHost)) {
            return true;
        }
        if (host != null && hostAndPort(uri).equalsIgnoreCase(host.trim())) {
            return true;
        }
        return allowed.contains(normalize(origin));
    }

    /** {@code host[:port]} of an origin, the port left out where the scheme implies it, as a Host header is. */
    private static String hostAndPort(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (port == 80 && "http".equalsIgnoreCase(uri.getScheme()))
                || (port == 443 && "https".equalsIgnoreCase(uri.getScheme()));
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }

    private static String normalize(String origin) {
        String trimmed = origin.trim().toLowerCase(Locale.ROOT);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
