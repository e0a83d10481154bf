package dev.switchyard.server;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import dev.switchyard.conference.MediaSettings;
import dev.switchyard.conference.RoomLimits;
import dev.switchyard.signaling.ConnectionDeadlines;
import dev.switchyard.signaling.ConnectionLimits;
import dev.switchyard.signaling.auth.AccessTokens;
import dev.switchyard.signaling.auth.AdminCredential;
import dev.switchyard.signaling.sfu.IceServer;

/**
 * Everything an operator can configure; {@link ConfigLoader} fills it from a file, the environment and flags.
 *
 * @param httpHost HTTP listen address (signaling, demo pages, health)
 * @param httpPort HTTP port; 0 picks a free one
 * @param mediaAddress address of the shared UDP media port (and of the ICE-TCP port)
 * @param mediaPort UDP media port shared by every participant; 0 picks a free one
 * @param iceTcpPort passive ICE-TCP port, or -1 for none. ice4j offers no TCP candidate on loopback addresses
 * @param advertisedAddress address written into ICE candidates instead of {@code mediaAddress}, for a server
 *                          behind a 1:1 NAT; null to advertise {@code mediaAddress}
 * @param consentTimeout how long a participant's media may go unconfirmed (RFC 7675) before it is removed
 * @param iceServers STUN/TURN servers handed to browsers
 * @param mediaWorkers media threads, each with its own socket on the media port; 0 = one per available core
 * @param media retransmission to subscribers and its bitrate cap
 * @param allowedOrigins web origins besides the server's own and this machine's whose pages may open the
 *                       WebSocket endpoints, e.g. {@code https://app.example.org}
 * @param deadlines how long the HTTP port waits for requests, pongs and joins before it closes a connection
 * @param roomLimits rooms, participants per room, tracks per participant and m-lines per offer
 * @param connectionLimits connections per client address and signaling messages per socket
 * @param tokenKey the HS256 key access tokens are signed with, or null for development mode (anyone may join
 *                 any room)
 * @param turn a TURN server whose credentials the server issues per participant, or null
 * @param adminKey the key of the admin API and the detailed health report, or null (no admin API)
 * @param tls the certificate to serve HTTPS and WSS with, or null for plain HTTP (behind a TLS proxy, or local)
 * @param resumeGrace how long a participant whose signaling socket dropped waits for its client to resume
 * @param drain how long clients have, once told the server is going away (SIGTERM), before it closes
 */
public record ServerConfig(String httpHost, int httpPort, InetAddress mediaAddress, int mediaPort, int iceTcpPort,
                           InetAddress advertisedAddress, Duration consentTimeout, List<IceServer> iceServers,
                           int mediaWorkers, MediaSettings media, List<String> allowedOrigins,
                           ConnectionDeadlines deadlines, RoomLimits roomLimits,
                           ConnectionLimits connectionLimits, Secret tokenKey, TurnSettings turn,
                           Secret adminKey, TlsFiles tls, Duration resumeGrace, Duration drain) {

    /** A laptop demo: everything on 127.0.0.1, HTTP 8080, media UDP 10000, a media worker per core. */
    public static final ServerConfig DEFAULTS = new ServerConfig("127.0.0.1", 8080,
            InetAddress.getLoopbackAddress(), 10000, -1, null, Duration.ofSeconds(30), List.of(), 0,
            MediaSettings.DEFAULTS, List.of(), ConnectionDeadlines.DEFAULTS, RoomLimits.DEFAULTS,
            ConnectionLimits.DEFAULTS, null, null, null, null, Duration.ofSeconds(20),
            Duration.ofSeconds(10));

    public ServerConfig {
        Objects.requireNonNull(httpHost, "httpHost");
        Objects.requireNonNull(mediaAddress, "mediaAddress");
        Objects.requireNonNull(consentTimeout, "consentTimeout");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(deadlines, "deadlines");
        Objects.requireNonNull(roomLimits, "roomLimits");
        Objects.requireNonNull(connectionLimits, "connectionLimits");
        iceServers = List.copyOf(iceServers);
        if (iceServers.stream().anyMatch(server -> server.username() != null || server.credential() != null)) {
            throw new IllegalArgumentException("iceServers must carry no credentials, which every joiner would get:"
                    + " configure turnUrls and turnSecret instead");
        }
        allowedOrigins = List.copyOf(allowedOrigins);
        if (httpHost.isBlank()) {
            throw new IllegalArgumentException("httpHost must not be empty");
        }
        requirePort("httpPort", httpPort);
        requirePort("mediaPort", mediaPort);
        if (iceTcpPort != -1 && (iceTcpPort < 1 || iceTcpPort > 65535)) {
            // ice4j signals the configured TCP port as is, so it cannot pick a free one.
            throw new IllegalArgumentException("iceTcpPort must be 1-65535, or -1 for no ICE-TCP: " + iceTcpPort);
        }
        if (mediaAddress.isAnyLocalAddress() || mediaAddress.isMulticastAddress()) {
            throw new IllegalArgumentException("mediaAddress must be one of this machine's unicast addresses, not "
                    + mediaAddress.getHostAddress() + ": it is announced to clients in ICE candidates");
        }
        if (mediaWorkers < 0) {
            throw new IllegalArgumentException("mediaWorkers must be 0 (one per core) or more: " + mediaWorkers);
        }
        if (consentTimeout.isNegative() || consentTimeout.isZero()) {
            throw new IllegalArgumentException("consentTimeout must be positive: " + consentTimeout);
        }
        Objects.requireNonNull(resumeGrace, "resumeGrace");
        Objects.requireNonNull(drain, "drain");
        if (resumeGrace.isNegative() || drain.isNegative()) {
            throw new IllegalArgumentException("resumeGrace and drain must not be negative");
        }
        if (adminKey != null && adminKey.bytes().length < AdminCredential.MIN_KEY_BYTES) {
            throw new IllegalArgumentException("adminKey must have at least " + AdminCredential.MIN_KEY_BYTES
                    + " bytes");
        }
        if (tokenKey != null && tokenKey.bytes().length < AccessTokens.MIN_KEY_BYTES) {
            throw new IllegalArgumentException("tokenKey must have at least " + AccessTokens.MIN_KEY_BYTES
                    + " bytes (HS256 needs a 256-bit key)");
        }
    }

    /** Whether joins need an access token; without a key the server runs in development mode. */
    public boolean requiresTokens() {
        return tokenKey != null;
    }

    /** This configuration with free ports picked for HTTP and media, for tests. */
    public ServerConfig withEphemeralPorts() {
        return withPorts(0, 0);
    }

    /** This configuration on other HTTP and media ports (0: any free port). */
    public ServerConfig withPorts(int newHttpPort, int newMediaPort) {
        return new ServerConfig(httpHost, newHttpPort, mediaAddress, newMediaPort, iceTcpPort, advertisedAddress,
                consentTimeout, iceServers, mediaWorkers, media, allowedOrigins, deadlines, roomLimits,
                connectionLimits, tokenKey, turn, adminKey, tls, resumeGrace, drain);
    }

    /** This configuration serving HTTPS and WSS with {@code newTls} (null: plain HTTP). */
    public ServerConfig withTls(TlsFiles newTls) {
        return new ServerConfig(httpHost, httpPort, mediaAddress, mediaPort, iceTcpPort, advertisedAddress,
                consentTimeout, iceServers, mediaWorkers, media, allowedOrigins, deadlines, roomLimits,
                connectionLimits, tokenKey, turn, adminKey, newTls, resumeGrace, drain);
    }

    /** This configuration with another admin key (null: no admin API). */
    public ServerConfig withAdminKey(Secret newAdminKey) {
        return new ServerConfig(httpHost, httpPort, mediaAddress, mediaPort, iceTcpPort, advertisedAddress,
                consentTimeout, iceServers, mediaWorkers, media, allowedOrigins, deadlines, roomLimits,
                connectionLimits, tokenKey, turn, newAdminKey, tls, resumeGrace, drain);
    }

    /** This configuration with a TURN server whose credentials the server issues (null: none). */
    public ServerConfig withTurn(TurnSettings newTurn) {
        return new ServerConfig(httpHost, httpPort, mediaAddress, mediaPort, iceTcpPort, advertisedAddress,
                consentTimeout, iceServers, mediaWorkers, media, allowedOrigins, deadlines, roomLimits,
                connectionLimits, tokenKey, newTurn, adminKey, tls, resumeGrace, drain);
    }

    /** This configuration with another access token key (null: development mode). */
    public ServerConfig withTokenKey(Secret newTokenKey) {
        return new ServerConfig(httpHost, httpPort, mediaAddress, mediaPort, iceTcpPort, advertisedAddress,
                consentTimeout, iceServers, mediaWorkers, media, allowedOrigins, deadlines, roomLimits,
                connectionLimits, newTokenKey, turn, adminKey, tls, resumeGrace, drain);
    }

    /** This configuration with other retransmission settings. */
    public ServerConfig withMedia(MediaSettings newMedia) {
        return new ServerConfig(httpHost, httpPort, mediaAddress, mediaPort, iceTcpPort, advertisedAddress,
                consentTimeout, iceServers, mediaWorkers, newMedia, allowedOrigins, deadlines, roomLimits,
                connectionLimits, tokenKey, turn, adminKey, tls, resumeGrace, drain);
    }

    /** The number of media workers to run: as configured, or one per available core. */
    public int effectiveMediaWorkers() {
        return mediaWorkers > 0 ? mediaWorkers : Runtime.getRuntime().availableProcessors();
    }

    private static void requirePort(String name, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(name + " must be 0-65535: " + port);
        }
    }
}
