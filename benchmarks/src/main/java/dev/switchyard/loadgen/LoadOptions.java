package dev.switchyard.loadgen;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One run's settings, bounded so that a run always ends by itself and stays on this machine.
 *
 * @param participants everyone in the room: N for a meeting, 1 + M subscribers for a webinar
 * @param serverPid the server's process, to read its CPU time and memory from /proc and to collect its garbage
 *                  (jcmd) before the idle and after-leave footprints; empty to skip both
 * @param warmUp how long media flows everywhere before the measurement window opens, so that set-up backlogs
 *               drain and the server's JIT settles before anything is measured
 * @param busyPoll the subscribers' reader polls instead of sleeping (see {@link DatagramSelector})
 * @param settle how long, once everyone has left, to wait for the server's threads and descriptors to return to
 *               their idle figures before the after-leave sample (idle pool threads take up to a minute to end)
 */
record LoadOptions(URI url, Topology topology, int participants, Duration duration, int videoKilobitsPerSecond,
                   OptionalLong serverPid, Optional<Path> json, Duration warmUp, boolean busyPoll, Duration settle) {

    static final Duration DEFAULT_SETTLE = Duration.ofSeconds(10);
    static final Duration DEFAULT_WARM_UP = Duration.ofSeconds(5);

    static final int MAX_PARTICIPANTS = 201;
    static final Duration MAX_DURATION = Duration.ofMinutes(10);
    static final Duration MAX_CHURN_DURATION = Duration.ofMinutes(60);
    static final String USAGE = """
            usage: LoadGenerator --url ws://127.0.0.1:8080/ws --topology meeting|webinar|churn
                                 (--participants N | --subscribers M) [--duration 30s] [--video-kbps 500]
                                 [--server-pid PID] [--json out.json] [--warm-up 5s] [--busy-poll false] [--settle 10s]
              meeting: N participants (2-%d) each publish audio+video and subscribe to all others
              webinar: one publisher and M subscribers (1-%d)
              churn: one publisher throughout, and N participants (2-%d) that each join, publish, wait for
                     its video, stay a second, leave and start over, for the whole duration (a soak: up to 60m)
              duration: 1s-10m (suffix s or m); the URL must name a loopback address
              warm-up: media flows this long (0s-2m) before the measurement window opens
              busy-poll: the subscribers' reader spins instead of sleeping, so that the kernel's cost of
                         waking it is not charged to the server under test (it takes a core)
              settle: after everyone left, wait up to this long (0s-5m) for the server's threads and
                      file descriptors to return to idle before sampling its footprint
            """.formatted(MAX_PARTICIPANTS - 1, MAX_PARTICIPANTS - 1, MAX_PARTICIPANTS - 1);

    LoadOptions {
        requireLoopback(url);
        int limit = topology == Topology.WEBINAR ? MAX_PARTICIPANTS : MAX_PARTICIPANTS - 1;
        if (participants < 2 || participants > limit) {
            throw new IllegalArgumentException("participant count out of range: " + participants);
        }
        Duration maxDuration = topology == Topology.CHURN ? MAX_CHURN_DURATION : MAX_DURATION;
        if (duration.compareTo(Duration.ofSeconds(1)) < 0 || duration.compareTo(maxDuration) > 0) {
            throw new IllegalArgumentException("duration must be 1s to " + maxDuration.toMinutes() + "m: " + duration);
        }
        if (warmUp.isNegative() || warmUp.compareTo(Duration.ofMinutes(2)) > 0) {
            throw new IllegalArgumentException("warm-up must be 0s to 2m: " + warmUp);
        }
        if (settle.isNegative() || settle.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("settle must be 0s to 5m: " + settle);
        }
        if (videoKilobitsPerSecond < 50 || videoKilobitsPerSecond > 10_000) {
            throw new IllegalArgumentException("video bitrate must be 50-10000 kbit/s: " + videoKilobitsPerSecond);
        }
    }

    /** Parses the command line; throws IllegalArgumentException with a message fit for the user. */
    static LoadOptions parse(String[] args) {
        URI url = null;
        Topology topology = null;
        int count = -1;
        boolean countIsSubscribers = false;
        Duration duration = Duration.ofSeconds(30);
        int videoKbps = 500;
        OptionalLong pid = OptionalLong.empty();
        Optional<Path> json = Optional.empty();
        Duration warmUp = DEFAULT_WARM_UP;
        boolean busyPoll = false;
        Duration settle = DEFAULT_SETTLE;
        for (Map.Entry<String, String> option : ToolCommandLine.options(args)) {
            String name = option.getKey();
            String value = option.getValue();
            switch (name) {
                case "--url" -> url = URI.create(value);
                case "--topology" -> topology = Topology.valueOf(value.toUpperCase(Locale.ROOT));
                case "--participants" -> {
                    count = Integer.parseInt(value);
                    countIsSubscribers = false;
                }
                case "--subscribers" -> {
                    count = Integer.parseInt(value);
                    countIsSubscribers = true;
                }
                case "--duration" -> duration = ToolCommandLine.parseDuration(value);
                case "--video-kbps" -> videoKbps = Integer.parseInt(value);
                case "--server-pid" -> pid = OptionalLong.of(Long.parseLong(value));
                case "--json" -> json = Optional.of(Path.of(value));
                case "--warm-up" -> warmUp = ToolCommandLine.parseDuration(value);
                case "--busy-poll" -> busyPoll = switch (value) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw new IllegalArgumentException("--busy-poll is true or false: " + value);
                };
                case "--settle" -> settle = ToolCommandLine.parseDuration(value);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (url == null || topology == null || count < 0) {
            throw new IllegalArgumentException("--url, --topology and a participant count are required");
        }
        if (countIsSubscribers != (topology == Topology.WEBINAR)) {
            throw new IllegalArgumentException("a meeting takes --participants, a webinar --subscribers");
        }
        int participants = topology == Topology.WEBINAR ? count + 1 : count;
        return new LoadOptions(url, topology, participants, duration, videoKbps, pid, json, warmUp, busyPoll, settle);
    }

    /** The load generator must never load anything but this machine (nor reach out to a name server for it). */
    private static void requireLoopback(URI url) {
        if (!"ws".equals(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException("the URL must be ws://<loopback address>:<port>/ws: " + url);
        }
        String host = url.getHost();
        boolean loopback;
        try {
            String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            loopback = literal.equals("localhost")
                    || (literal.matches("[0-9a-fA-F:.]+") && InetAddress.getByName(literal).isLoopbackAddress());
        } catch (UnknownHostException e) {
            loopback = false;
        }
        if (!loopback) {
            throw new IllegalArgumentException("refusing a non-loopback address: " + host);
        }
    }
}
