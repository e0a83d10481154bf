package dev.switchyard.server;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.switchyard.signaling.auth.AccessToken;
import dev.switchyard.signaling.auth.AccessTokens;
import dev.switchyard.signaling.auth.Grants;
import dev.switchyard.signaling.message.Identifiers;

/**
 * {@code java -jar switchyard-server.jar token --room R --identity I [--name N] [--ttl 1h] [--grants LIST]}: prints
 * an access token signed with the server's key, which comes from the server's own options ({@code --token-key},
 * {@code SWITCHYARD_TOKEN_KEY} or the configuration file). For development, and for backends that do not mint
 * their own tokens.
 */
final class TokenCommand {

    static final String NAME = "token";
    static final int EXIT_BAD_USAGE = 2;
    private static final Set<String> OWN_FLAGS = Set.of("--room", "--identity", "--name", "--ttl", "--grants");
    private static final String DEFAULT_GRANTS = "publish,subscribe,data";
    private static final Duration DEFAULT_TTL = Duration.ofHours(1);
    private static final Duration MAX_TTL = Duration.ofDays(366);

    private TokenCommand() {
    }

    static String usage() {
        return "Usage: java -jar switchyard-server.jar token --room ROOM --identity ID [--name NAME] [--ttl 1h]\n"
                + "           [--grants publish,subscribe,data] [server options, e.g. --token-key or --config]\n"
                + "Grants: publish (every source) or camera, microphone, screen, screen_audio; subscribe; data;"
                + " admin.\nTTL: seconds, or a number with s, m, h or d.\n";
    }

    /** Prints the token on {@code out}; returns the exit code. */
    static int run(List<String> args, Map<String, String> environment, Clock clock, PrintStream out,
                   PrintStream err) {
        if (ConfigLoader.wantsHelp(args)) {
            out.print(usage());
            return 0;
        }
        Map<String, String> own = new HashMap<>();
        List<String> serverOptions = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!OWN_FLAGS.contains(flag)) {
                serverOptions.add(arg);
            } else if (arg.contains("=")) {
                own.put(flag, arg.substring(arg.indexOf('=') + 1));
            } else if (i + 1 < args.size()) {
                own.put(flag, args.get(++i));
            } else {
                return fail(err, flag + " needs a value");
            }
        }
        String room = own.get("--room");
        String identity = own.get("--identity");
        if (room == null || identity == null) {
            return fail(err, "--room and --identity are required");
        }
        if (!Identifiers.isValid(room) || !Identifiers.isValid(identity)) {
            return fail(err, "room and identity must be 1-" + Identifiers.MAX_LENGTH
                    + " characters of A-Z a-z 0-9 _ . -");
        }
        ServerConfig config;
        Duration ttl;
        Grants grants;
        try {
            config = ConfigLoader.load(serverOptions, environment);
            ttl = own.containsKey("--ttl") ? duration(own.get("--ttl")) : DEFAULT_TTL;
            grants = AccessTokens.parseGrants(own.getOrDefault("--grants", DEFAULT_GRANTS));
        } catch (ConfigException | IllegalArgumentException e) {
            return fail(err, e.getMessage());
        }
        if (!config.requiresTokens()) {
            return fail(err, "no token key: set --token-key or SWITCHYARD_TOKEN_KEY, as for the server");
        }
        Instant now = clock.instant();
        AccessToken token = new AccessToken(identity, own.get("--name"), room, grants, now, now.plus(ttl));
        out.println(new AccessTokens(config.tokenKey().bytes(), clock).mint(token));
        return 0;
    }

    /** {@code 90}, {@code 90s}, {@code 30m}, {@code 1h} or {@code 2d}, at most a year. */
    static Duration duration(String text) {
        String trimmed = text.trim();
        if (!trimmed.matches("\\d{1,9}[smhd]?")) {
            throw new IllegalArgumentException("--ttl must be a number of seconds or end in s, m, h or d: " + text);
        }
        char unit = trimmed.charAt(trimmed.length() - 1);
        long amount = Long.parseLong(Character.isDigit(unit) ? trimmed : trimmed.substring(0, trimmed.length() - 1));
        Duration ttl = switch (unit) {
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            default -> Duration.ofSeconds(amount);
        };
        if (ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("--ttl must be more than 0 and at most " + MAX_TTL.toDays() + " days");
        }
        return ttl;
    }

    private static int fail(PrintStream err, String problem) {
        err.println("switchyard token: " + problem);
        err.print(usage());
        return EXIT_BAD_USAGE;
    }
}
