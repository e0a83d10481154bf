package dev.switchyard.server;

import java.util.Locale;

/**
 * The configurable settings. Each has one name from which the others derive: {@code httpPort} in the JSON
 * file, {@code --http-port} on the command line, {@code SWITCHYARD_HTTP_PORT} in the environment.
 */
enum ConfigOption {
    HTTP_HOST("httpHost", "HOST", "HTTP listen address"),
    HTTP_PORT("httpPort", "PORT", "HTTP port for signaling, demo pages and /health; 0 = any free port"),
    MEDIA_ADDRESS("mediaAddress", "ADDRESS",
            "address of the media ports, one of this machine's (announced to clients; 0.0.0.0 is refused)"),
    MEDIA_PORT("mediaPort", "PORT", "UDP media port shared by all participants; 0 = any free port"),
    MEDIA_WORKERS("mediaWorkers", "COUNT", "media threads, each with a socket on the media port; 0 = one per core"),
    ICE_TCP_PORT("iceTcpPort", "PORT", "passive ICE-TCP port, -1 = off (never offered on loopback)"),
    ADVERTISED_ADDRESS("advertisedAddress", "ADDRESS",
            "address put into ICE candidates instead of the media address (server behind 1:1 NAT)"),
    CONSENT_TIMEOUT_SECONDS("consentTimeoutSeconds", "SECONDS",
            "remove a participant after this long with no consent response (RFC 7675) and no authenticated packet"),
    HTTP_REQUEST_TIMEOUT_SECONDS("httpRequestTimeoutSeconds", "SECONDS",
            "close an HTTP connection that has not completed a request this long after opening or its last response"),
    PING_INTERVAL_SECONDS("pingIntervalSeconds", "SECONDS", "ping a WebSocket that has sent nothing for this long"),
    IDLE_TIMEOUT_SECONDS("idleTimeoutSeconds", "SECONDS",
            "close a WebSocket that has sent nothing, not even a pong, for this long (more than the ping interval)"),
    JOIN_TIMEOUT_SECONDS("joinTimeoutSeconds", "SECONDS", "close a WebSocket that has not joined a room this long after connecting"),
    RESUME_GRACE_SECONDS("resumeGraceSeconds", "SECONDS",
            "how long a participant whose signaling socket dropped waits for its client to resume (0: leaves at once)"),
    DRAIN_SECONDS("drainSeconds", "SECONDS", "on SIGTERM: how long clients, told the server is going away, have"
            + " before it closes"),
    MAX_ROOMS("maxRooms", "COUNT", "rooms at once on this server"),
    MAX_PARTICIPANTS_PER_ROOM("maxParticipantsPerRoom", "COUNT", "participants at once in one room"),
    MAX_TRACKS_PER_PARTICIPANT("maxTracksPerParticipant", "COUNT", "tracks one participant publishes at once"),
    MAX_MEDIA_LINES_PER_OFFER("maxMediaLinesPerOffer", "COUNT", "m-lines in one publisher offer, sending or not"),
    MAX_CONNECTIONS_PER_ADDRESS("maxConnectionsPerAddress", "COUNT",
            "open HTTP/WebSocket connections from one IP address; more are closed at once"),
    MESSAGES_PER_SECOND("messagesPerSecond", "COUNT",
            "signaling messages per second one WebSocket may keep up; a socket past its burst is closed"),
    MESSAGE_BURST("messageBurst", "COUNT", "signaling messages one WebSocket may send at once above that rate"),
    RETRANSMISSION("retransmission", "true|false",
            "answer subscribers' NACKs (RFC 4585) from the server's history, as RTX where negotiated"),
    MAX_RETRANSMISSION_KBPS("maxRetransmissionKbps", "KBPS", "the most bitrate retransmissions to one subscriber take"),
    MAX_VIDEO_KBPS("maxVideoKbps", "KBPS", "the most bitrate one published video track may take (told to publishers by REMB)"),
    START_VIDEO_KBPS("startVideoKbps", "KBPS",
            "where a video publisher's bandwidth estimate starts, at most maxVideoKbps (x-google-start-bitrate)"),
    TLS_CERTIFICATE("tlsCertificate", "FILE", "PEM certificate chain: serve HTTPS and WSS instead of HTTP"),
    TLS_PRIVATE_KEY("tlsPrivateKey", "FILE", "PEM private key of tlsCertificate"),
    ADMIN_KEY("adminKey", "SECRET",
            "key (16+ bytes) of the admin API and of /health's details, sent as 'Authorization: Bearer KEY'"),
    TOKEN_KEY("tokenKey", "SECRET",
            "HS256 key (32+ bytes) of the access tokens joins need; none: development mode, anyone joins any room"),
    ALLOWED_ORIGINS("allowedOrigins", "ORIGINS",
            "comma-separated web origins whose pages may open /ws and /mesh, besides the server's own and localhost"),
    ICE_SERVERS("iceServers", "JSON",
            "STUN servers for browsers, without credentials: [{\"urls\":\"stun:host:3478\"}]"),
    TURN_URLS("turnUrls", "URLS", "comma-separated turn:/turns: URLs of a TURN server that shares turnSecret"),
    TURN_SECRET("turnSecret", "SECRET",
            "the TURN server's static-auth-secret: each participant gets a time-limited credential of its own"),
    TURN_CREDENTIAL_LIFETIME_SECONDS("turnCredentialLifetimeSeconds", "SECONDS",
            "how long a participant's TURN credential stays valid (longer than a call)");

    private final String key;
    private final String valueName;
    private final String description;

    ConfigOption(String key, String valueName, String description) {
        this.key = key;
        this.valueName = valueName;
        this.description = description;
    }

    /** The name in the JSON configuration file. */
    String key() {
        return key;
    }

    String flag() {
        return "--" + words("-").toLowerCase(Locale.ROOT);
    }

    String environmentVariable() {
        return "SWITCHYARD_" + words("_").toUpperCase(Locale.ROOT);
    }

    String valueName() {
        return valueName;
    }

    String description() {
        return description;
    }

    static ConfigOption byKey(String key) {
        for (ConfigOption option : values()) {
            if (option.key.equals(key)) {
                return option;
            }
        }
        return null;
    }

    static ConfigOption byFlag(String flag) {
        for (ConfigOption option : values()) {
            if (option.flag().equals(flag)) {
                return option;
            }
        }
        return null;
    }

    /** The camelCase key split into words: {@code httpPort} → {@code http<sep>Port}. */
    private String words(String separator) {
        return key.replaceAll("([a-z0-9])([A-Z])", "$1" + separator + "$2");
    }
}
