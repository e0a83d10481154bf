package dev.switchyard.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.switchyard.conference.MediaSettings;
import dev.switchyard.conference.RoomLimits;
import dev.switchyard.signaling.ConnectionDeadlines;
import dev.switchyard.signaling.ConnectionLimits;
import dev.switchyard.signaling.auth.AccessTokens;
import dev.switchyard.signaling.auth.AdminCredential;
import dev.switchyard.signaling.sfu.IceServer;

/**
 * Builds a {@link ServerConfig} from, lowest precedence first: {@link ServerConfig#DEFAULTS}, a JSON file
 * ({@code --config FILE} or {@code SWITCHYARD_CONFIG}), environment variables, command-line flags. Every
 * value is checked; the first bad one is reported with where it came from.
 */
public final class ConfigLoader {

    static final String CONFIG_FLAG = "--config";
    static final String CONFIG_VARIABLE = "SWITCHYARD_CONFIG";
    /** A day: longer than any call, as an allocation is refreshed with the credential it was made with. */
    static final Duration DEFAULT_TURN_CREDENTIAL_LIFETIME = Duration.ofDays(1);

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** A raw value and where it came from, for error messages. */
    private record Setting(JsonNode value, String origin) {
    }

    private ConfigLoader() {
    }

    /** True if the arguments ask for the usage text instead of a server. */
    public static boolean wantsHelp(List<String> args) {
        return args.contains("--help") || args.contains("-h");
    }

    /**
     * @param args command-line arguments: {@code --name value} or {@code --name=value}
     * @param environment the process environment ({@code System.getenv()}), injectable for tests
     */
    public static ServerConfig load(List<String> args, Map<String, String> environment) throws ConfigException {
        Map<ConfigOption, Setting> flags = new EnumMap<>(ConfigOption.class);
        String configFile = parseFlags(args, flags);
        if (configFile == null) {
            configFile = environment.get(CONFIG_VARIABLE);
        }
        Map<ConfigOption, Setting> settings = new EnumMap<>(ConfigOption.class);
        if (configFile != null) {
            settings.putAll(readFile(Path.of(configFile)));
        }
        for (ConfigOption option : ConfigOption.values()) {
            String value = environment.get(option.environmentVariable());
            if (value != null) {
                settings.put(option, textSetting(option, value, option.environmentVariable()));
            }
        }
        settings.putAll(flags);
        return build(settings);
    }

    private static String parseFlags(List<String> args, Map<ConfigOption, Setting> flags) throws ConfigException {
        String configFile = null;
        Iterator<String> remaining = args.iterator();
        while (remaining.hasNext()) {
            String arg = remaining.next();
            if (!arg.startsWith("--")) {
                throw new ConfigException("unexpected argument '" + arg + "'");
            }
            int equals = arg.indexOf('=');
            String flag = equals < 0 ? arg : arg.substring(0, equals);
            ConfigOption option = ConfigOption.byFlag(flag);
            if (option == null && !flag.equals(CONFIG_FLAG)) {
                throw new ConfigException("unknown option " + flag);
            }
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (remaining.hasNext()) {
                value = remaining.next();
            } else {
                throw new ConfigException(flag + " needs a value");
            }
            if (option == null) {
                configFile = value;
            } else {
                flags.put(option, textSetting(option, value, flag));
            }
        }
        return configFile;
    }

    private static Map<ConfigOption, Setting> readFile(Path file) throws ConfigException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (JacksonException e) {
            throw new ConfigException("configuration file " + file + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException("configuration file " + file + " must hold a JSON object");
        }
        Map<ConfigOption, Setting> settings = new EnumMap<>(ConfigOption.class);
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            ConfigOption option = ConfigOption.byKey(field.getKey());
            if (option == null) {
                throw new ConfigException("unknown setting '" + field.getKey() + "' in " + file + "; known: "
                        + Arrays.stream(ConfigOption.values()).map(ConfigOption::key).collect(Collectors.joining(", ")));
            }
            settings.put(option, new Setting(field.getValue(), "'" + field.getKey() + "' in " + file));
        }
        return settings;
    }

    /** A value given as text; the ICE server list is JSON even there. */
    private static Setting textSetting(ConfigOption option, String value, String origin) throws ConfigException {
        if (option != ConfigOption.ICE_SERVERS) {
            return new Setting(TextNode.valueOf(value), origin);
        }
        try {
            return new Setting(JSON.readTree(value), origin);
        } catch (JacksonException e) {
            throw new ConfigException(origin + " must be JSON: " + e.getOriginalMessage());
        }
    }

    private static ServerConfig build(Map<ConfigOption, Setting> settings) throws ConfigException {
        ServerConfig defaults = ServerConfig.DEFAULTS;
        String httpHost = defaults.httpHost();
        int httpPort = defaults.httpPort();
        InetAddress mediaAddress = defaults.mediaAddress();
        int mediaPort = defaults.mediaPort();
        int mediaWorkers = defaults.mediaWorkers();
        int iceTcpPort = defaults.iceTcpPort();
        InetAddress advertisedAddress = defaults.advertisedAddress();
        Duration consentTimeout = defaults.consentTimeout();
        boolean retransmission = defaults.media().retransmission();
        long retransmissionBitsPerSecond = defaults.media().retransmissionBitsPerSecond();
        long maxVideoBitsPerSecond = defaults.media().maxVideoBitsPerSecond();
        long startVideoBitsPerSecond = defaults.media().startVideoBitsPerSecond();
        List<String> allowedOrigins = defaults.allowedOrigins();
        Secret tokenKey = defaults.tokenKey();
        Secret adminKey = defaults.adminKey();
        Duration resumeGrace = defaults.resumeGrace();
        Duration drain = defaults.drain();
        Path tlsCertificate = null;
        Path tlsPrivateKey = null;
        List<String> turnUrls = List.of();
        Secret turnSecret = null;
        Duration turnCredentialLifetime = DEFAULT_TURN_CREDENTIAL_LIFETIME;
        List<IceServer> iceServers = defaults.iceServers();
        Duration httpRequestTimeout = defaults.deadlines().httpRequest();
        Duration pingInterval = defaults.deadlines().pingInterval();
        Duration idleTimeout = defaults.deadlines().idle();
        Duration joinTimeout = defaults.deadlines().join();
        int maxRooms = defaults.roomLimits().maxRooms();
        int maxParticipantsPerRoom = defaults.roomLimits().maxParticipantsPerRoom();
        int maxTracksPerParticipant = defaults.roomLimits().maxTracksPerParticipant();
        int maxMediaLinesPerOffer = defaults.roomLimits().maxMediaLinesPerOffer();
        int maxConnectionsPerAddress = defaults.connectionLimits().maxConnectionsPerAddress();
        int messagesPerSecond = defaults.connectionLimits().messagesPerSecond();
        int messageBurst = defaults.connectionLimits().messageBurst();
        for (Map.Entry<ConfigOption, Setting> entry : settings.entrySet()) {
            Setting setting = entry.getValue();
            switch (entry.getKey()) {
                case HTTP_HOST -> httpHost = host(setting);
                case HTTP_PORT -> httpPort = integer(setting, 0, 65535);
                case MEDIA_ADDRESS -> mediaAddress = mediaAddress(setting);
                case MEDIA_PORT -> mediaPort = integer(setting, 0, 65535);
                case MEDIA_WORKERS -> mediaWorkers = integer(setting, 0, 256);
                case ICE_TCP_PORT -> iceTcpPort = iceTcpPort(setting);
                case ADVERTISED_ADDRESS -> advertisedAddress = optionalAddress(setting);
                case CONSENT_TIMEOUT_SECONDS -> consentTimeout = Duration.ofSeconds(integer(setting, 1, 86_400));
                case HTTP_REQUEST_TIMEOUT_SECONDS -> httpRequestTimeout = Duration.ofSeconds(integer(setting, 1, 3600));
                case PING_INTERVAL_SECONDS -> pingInterval = Duration.ofSeconds(integer(setting, 1, 3600));
                case IDLE_TIMEOUT_SECONDS -> idleTimeout = Duration.ofSeconds(integer(setting, 2, 86_400));
                case JOIN_TIMEOUT_SECONDS -> joinTimeout = Duration.ofSeconds(integer(setting, 1, 3600));
                case RESUME_GRACE_SECONDS -> resumeGrace = Duration.ofSeconds(integer(setting, 0, 3600));
                case DRAIN_SECONDS -> drain = Duration.ofSeconds(integer(setting, 0, 3600));
                case MAX_ROOMS -> maxRooms = integer(setting, 1, 1_000_000);
                case MAX_PARTICIPANTS_PER_ROOM -> maxParticipantsPerRoom = integer(setting, 1, 100_000);
                case MAX_TRACKS_PER_PARTICIPANT -> maxTracksPerParticipant = integer(setting, 1, 1000);
                case MAX_MEDIA_LINES_PER_OFFER -> maxMediaLinesPerOffer = integer(setting, 1, 1000);
                case MAX_CONNECTIONS_PER_ADDRESS -> maxConnectionsPerAddress = integer(setting, 1, 1_000_000);
                case MESSAGES_PER_SECOND -> messagesPerSecond = integer(setting, 1, 100_000);
                case MESSAGE_BURST -> messageBurst = integer(setting, 1, 100_000);
                case RETRANSMISSION -> retransmission = bool(setting);
                case MAX_RETRANSMISSION_KBPS -> retransmissionBitsPerSecond = integer(setting, 1, 1_000_000) * 1000L;
                case MAX_VIDEO_KBPS -> maxVideoBitsPerSecond = integer(setting, 30, 100_000) * 1000L;
                case START_VIDEO_KBPS -> startVideoBitsPerSecond = integer(setting, 30, 100_000) * 1000L;
                case TOKEN_KEY -> tokenKey = secret(setting, AccessTokens.MIN_KEY_BYTES);
                case ADMIN_KEY -> adminKey = secret(setting, AdminCredential.MIN_KEY_BYTES);
                case TLS_CERTIFICATE -> tlsCertificate = readableFile(setting);
                case TLS_PRIVATE_KEY -> tlsPrivateKey = readableFile(setting);
                case ALLOWED_ORIGINS -> allowedOrigins = origins(setting);
                case ICE_SERVERS -> iceServers = iceServers(setting);
                case TURN_URLS -> turnUrls = turnUrls(setting);
                case TURN_SECRET -> turnSecret = secret(setting, 1);
                case TURN_CREDENTIAL_LIFETIME_SECONDS ->
                        turnCredentialLifetime = Duration.ofSeconds(integer(setting, 60, 7 * 86_400));
                default -> throw new IllegalStateException("unhandled option " + entry.getKey());
            }
        }
        ConnectionDeadlines deadlines;
        try {
            deadlines = new ConnectionDeadlines(httpRequestTimeout, pingInterval, idleTimeout, joinTimeout);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(ConfigOption.IDLE_TIMEOUT_SECONDS.key() + " and "
                    + ConfigOption.PING_INTERVAL_SECONDS.key() + ": " + e.getMessage());
        }
        return new ServerConfig(httpHost, httpPort, mediaAddress, mediaPort, iceTcpPort, advertisedAddress,
                consentTimeout, iceServers, mediaWorkers, new MediaSettings(retransmission, retransmissionBitsPerSecond,
                        maxVideoBitsPerSecond, startVideoBitsPerSecond),
                allowedOrigins, deadlines,
                new RoomLimits(maxRooms, maxParticipantsPerRoom, maxTracksPerParticipant, maxMediaLinesPerOffer),
                new ConnectionLimits(maxConnectionsPerAddress, messagesPerSecond, messageBurst), tokenKey,
                turn(turnUrls, turnSecret, turnCredentialLifetime), adminKey, tls(tlsCertificate, tlsPrivateKey),
                resumeGrace, drain);
    }

    private static String text(Setting setting) throws ConfigException {
        JsonNode value = setting.value();
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw invalid(setting, "must be a non-empty string");
        }
        return value.textValue().trim();
    }

    private static int integer(Setting setting, int min, int max) throws ConfigException {
        JsonNode value = setting.value();
        int number;
        if (value.isInt()) {
            number = value.intValue();
        } else if (value.isTextual()) {
            try {
                number = Integer.parseInt(value.textValue().trim());
            } catch (NumberFormatException e) {
                throw invalid(setting, "must be a whole number");
            }
        } else {
            throw invalid(setting, "must be a whole number");
        }
        if (number < min || number > max) {
            throw invalid(setting, "must be " + min + "-" + max);
        }
        return number;
    }

    /** Origins as {@code scheme://host[:port]}, comma-separated; an empty string for none. */
    private static List<String> origins(Setting setting) throws ConfigException {
        JsonNode value = setting.value();
        if (!value.isTextual()) {
            throw invalid(setting, "must be comma-separated origins such as https://app.example.org");
        }
        List<String> origins = new ArrayList<>();
        for (String origin : value.textValue().split(",")) {
            String trimmed = origin.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (!trimmed.matches("https?://[^/\\s]+/?")) {
                throw invalid(setting, "has '" + trimmed + "', which is no origin (scheme://host[:port])");
            }
            origins.add(trimmed);
        }
        return origins;
    }

    /** A secret: unlike other values, it never appears in an error message. */
    private static Secret secret(Setting setting, int minBytes) throws ConfigException {
        JsonNode value = setting.value();
        if (!value.isTextual() || value.textValue().getBytes(StandardCharsets.UTF_8).length < minBytes) {
            throw new ConfigException(setting.origin() + " must be a string of at least " + minBytes + " bytes");
        }
        return new Secret(value.textValue());
    }

    private static boolean bool(Setting setting) throws ConfigException {
        JsonNode value = setting.value();
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual() && List.of("true", "false").contains(value.textValue().trim())) {
            return Boolean.parseBoolean(value.textValue().trim());
        }
        throw invalid(setting, "must be true or false");
    }

    private static int iceTcpPort(Setting setting) throws ConfigException {
        int port = integer(setting, -1, 65535);
        if (port == 0) {
            throw invalid(setting, "must be 1-65535, or -1 for no ICE-TCP");
        }
        return port;
    }

    private static InetAddress address(Setting setting) throws ConfigException {
        String host = text(setting);
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw invalid(setting, "is not a known address");
        }
    }

    /** A host name or address to listen on; resolved now so that a typo fails here, named. */
    private static String host(Setting setting) throws ConfigException {
        String host = text(setting);
        address(setting);
        return host;
    }

    /** The media address is announced to clients, so it must be a concrete unicast address. */
    private static InetAddress mediaAddress(Setting setting) throws ConfigException {
        InetAddress address = address(setting);
        if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
            throw invalid(setting, "must be one of this machine's unicast addresses: clients are told to send "
                    + "media to it, so a wildcard or multicast address cannot work");
        }
        return address;
    }

    /** An address, or an empty string for none (so a later layer can clear an earlier one). */
    private static InetAddress optionalAddress(Setting setting) throws ConfigException {
        JsonNode value = setting.value();
        boolean none = value.isNull() || (value.isTextual() && value.textValue().isBlank());
        return none ? null : address(setting);
    }

    private static List<IceServer> iceServers(Setting setting) throws ConfigException {
        JsonNode value = setting.value();
        if (!value.isArray()) {
            throw invalid(setting, "must be a JSON list of {urls, username, credential}");
        }
        List<IceServer> servers = new ArrayList<>();
        for (JsonNode server : value) {
            if (!server.isObject()) {
                throw invalid(setting, "must list objects");
            }
            for (Map.Entry<String, JsonNode> field : server.properties()) {
                if (List.of("username", "credential").contains(field.getKey())) {
                    throw new ConfigException(setting.origin() + " has a static TURN credential, which every joiner"
                            + " would get: configure turnUrls and turnSecret instead");
                }
                if (!field.getKey().equals("urls")) {
                    throw invalid(setting, "has an unknown ICE server field '" + field.getKey() + "'");
                }
            }
            servers.add(new IceServer(urls(setting, server.get("urls")), null, null));
        }
        return servers;
    }

    private static List<String> urls(Setting setting, JsonNode urls) throws ConfigException {
        List<String> list = new ArrayList<>();
        if (urls != null && urls.isTextual()) {
            list.add(urls.textValue());
        } else if (urls != null && urls.isArray()) {
            for (JsonNode url : urls) {
                if (!url.isTextual()) {
                    throw invalid(setting, "has an ICE server URL that is not a string");
                }
                list.add(url.textValue());
            }
        }
        if (list.isEmpty() || list.stream().anyMatch(url -> !url.matches("(stuns?|turns?):.+"))) {
            throw invalid(setting, "needs 'urls' on every ICE server: stun:, stuns:, turn: or turns: URLs");
        }
        return list;
    }

    private static List<String> turnUrls(Setting setting) throws ConfigException {
        JsonNode value = setting.value();
        if (!value.isTextual()) {
            throw invalid(setting, "must be comma-separated turn: or turns: URLs");
        }
        List<String> urls = new ArrayList<>();
        for (String url : value.textValue().split(",")) {
            String trimmed = url.trim();
            if (!trimmed.isEmpty() && !trimmed.startsWith("turn:") && !trimmed.startsWith("turns:")) {
                throw invalid(setting, "has '" + trimmed + "', which is no turn: or turns: URL");
            }
            if (!trimmed.isEmpty()) {
                urls.add(trimmed);
            }
        }
        return urls;
    }

    private static Path readableFile(Setting setting) throws ConfigException {
        JsonNode value = setting.value();
        if (!value.isTextual() || !Files.isReadable(Path.of(value.textValue().trim()))) {
            throw invalid(setting, "must name a readable file");
        }
        return Path.of(value.textValue().trim());
    }

    /** HTTPS needs both the certificate and its key. */
    private static TlsFiles tls(Path certificate, Path privateKey) throws ConfigException {
        if ((certificate == null) != (privateKey == null)) {
            throw new ConfigException(ConfigOption.TLS_CERTIFICATE.key() + " and " + ConfigOption.TLS_PRIVATE_KEY.key()
                    + " go together: set both or neither");
        }
        return certificate == null ? null : new TlsFiles(certificate, privateKey);
    }

    /** A TURN server needs both its URLs and its secret. */
    private static TurnSettings turn(List<String> urls, Secret secret, Duration lifetime) throws ConfigException {
        if (urls.isEmpty() != (secret == null)) {
            throw new ConfigException(ConfigOption.TURN_URLS.key() + " and " + ConfigOption.TURN_SECRET.key()
                    + " go together: set both or neither");
        }
        return secret == null ? null : new TurnSettings(urls, secret, lifetime);
    }

    private static ConfigException invalid(Setting setting, String problem) {
        return new ConfigException(setting.origin() + " " + problem + " (got " + setting.value() + ")");
    }

    /** The value of one option in a configuration, as shown in help and logs (never a password or key). */
    static String describe(ServerConfig config, ConfigOption option) {
        return switch (option) {
            case HTTP_HOST -> config.httpHost();
            case HTTP_PORT -> Integer.toString(config.httpPort());
            case MEDIA_ADDRESS -> config.mediaAddress().getHostAddress();
            case MEDIA_PORT -> Integer.toString(config.mediaPort());
            case MEDIA_WORKERS -> config.mediaWorkers() == 0
                    ? "0 (" + config.effectiveMediaWorkers() + " cores)" : Integer.toString(config.mediaWorkers());
            case ICE_TCP_PORT -> Integer.toString(config.iceTcpPort());
            case ADVERTISED_ADDRESS -> config.advertisedAddress() == null
                    ? "none" : config.advertisedAddress().getHostAddress();
            case CONSENT_TIMEOUT_SECONDS -> Long.toString(config.consentTimeout().toSeconds());
            case HTTP_REQUEST_TIMEOUT_SECONDS -> Long.toString(config.deadlines().httpRequest().toSeconds());
            case PING_INTERVAL_SECONDS -> Long.toString(config.deadlines().pingInterval().toSeconds());
            case IDLE_TIMEOUT_SECONDS -> Long.toString(config.deadlines().idle().toSeconds());
            case JOIN_TIMEOUT_SECONDS -> Long.toString(config.deadlines().join().toSeconds());
            case RESUME_GRACE_SECONDS -> Long.toString(config.resumeGrace().toSeconds());
            case DRAIN_SECONDS -> Long.toString(config.drain().toSeconds());
            case MAX_ROOMS -> Integer.toString(config.roomLimits().maxRooms());
            case MAX_PARTICIPANTS_PER_ROOM -> Integer.toString(config.roomLimits().maxParticipantsPerRoom());
            case MAX_TRACKS_PER_PARTICIPANT -> Integer.toString(config.roomLimits().maxTracksPerParticipant());
            case MAX_MEDIA_LINES_PER_OFFER -> Integer.toString(config.roomLimits().maxMediaLinesPerOffer());
            case MAX_CONNECTIONS_PER_ADDRESS -> Integer.toString(config.connectionLimits().maxConnectionsPerAddress());
            case MESSAGES_PER_SECOND -> Integer.toString(config.connectionLimits().messagesPerSecond());
            case MESSAGE_BURST -> Integer.toString(config.connectionLimits().messageBurst());
            case RETRANSMISSION -> Boolean.toString(config.media().retransmission());
            case MAX_RETRANSMISSION_KBPS -> Long.toString(config.media().retransmissionBitsPerSecond() / 1000);
            case MAX_VIDEO_KBPS -> Long.toString(config.media().maxVideoBitsPerSecond() / 1000);
            case START_VIDEO_KBPS -> Long.toString(config.media().startVideoBitsPerSecond() / 1000);
            case TOKEN_KEY -> config.requiresTokens() ? "set" : "none (development mode)";
            case ADMIN_KEY -> config.adminKey() == null ? "none (no admin API)" : "set";
            case TLS_CERTIFICATE -> config.tls() == null ? "none (plain HTTP)" : config.tls().certificateChain().toString();
            case TLS_PRIVATE_KEY -> config.tls() == null ? "none" : config.tls().privateKey().toString();
            case ALLOWED_ORIGINS -> config.allowedOrigins().isEmpty() ? "none" : String.join(",", config.allowedOrigins());
            case ICE_SERVERS -> config.iceServers().toString();
            case TURN_URLS -> config.turn() == null ? "none" : String.join(",", config.turn().urls());
            case TURN_SECRET -> config.turn() == null ? "none" : "set";
            case TURN_CREDENTIAL_LIFETIME_SECONDS -> Long.toString((config.turn() == null
                    ? DEFAULT_TURN_CREDENTIAL_LIFETIME : config.turn().credentialLifetime()).toSeconds());
        };
    }

    /** The {@code --help} text. */
    public static String usage() {
        StringBuilder text = new StringBuilder()
                .append("Usage: java -jar switchyard-server.jar [options]\n\n")
                .append("Every option can also be set with an environment variable or in a JSON file given with\n")
                .append(CONFIG_FLAG).append(" FILE (or ").append(CONFIG_VARIABLE).append("), e.g. {\"httpPort\": 8081}.\n")
                .append("Flags win over the environment, which wins over the file.\n\n");
        for (ConfigOption option : ConfigOption.values()) {
            text.append(String.format("  %-32s %s%n", option.flag() + " " + option.valueName(), option.description()))
                    .append(String.format("  %-32s default %s; env %s; file \"%s\"%n", "",
                            describe(ServerConfig.DEFAULTS, option), option.environmentVariable(), option.key()));
        }
        text.append(String.format("  %-32s %s%n", CONFIG_FLAG + " FILE", "JSON configuration file"))
                .append(String.format("  %-32s %s%n", "--help", "print this text"))
                .append("\nMint an access token: java -jar switchyard-server.jar token --help\n");
        return text.toString();
    }
}
