package dev.switchyard.loadgen;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.switchyard.transport.srtp.SrtpProfile;

/**
 * One {@link LoopbackForwardingFloor} run's settings, bounded so that a run ends by itself within two minutes
 * and a half.
 *
 * @param packetsPerSecond what the publisher sends; the forwarder sends {@code subscribers} times as many
 * @param warmUp forwarding before the measurement window opens, for the JIT and the socket buffers to settle
 * @param duration the measurement window
 */
record FloorOptions(int subscribers, int packetsPerSecond, SrtpProfile profile, ReceiverArrangement receivers,
                    Duration warmUp, Duration duration, Optional<Path> json) {

    static final int MAX_SUBSCRIBERS = 500;
    static final int MAX_PACKETS_PER_SECOND = 10_000;
    static final Duration MAX_WARM_UP = Duration.ofSeconds(30);
    static final Duration MAX_DURATION = Duration.ofSeconds(120);
    static final String USAGE = """
            usage: LoopbackForwardingFloor [--subscribers 50] [--pps 1000] [--receivers threads|selector]
                                           [--profile AES128_CM_HMAC_SHA1_80|AEAD_AES_128_GCM]
                                           [--warm-up 2s] [--duration 10s] [--json out.json]
              subscribers: 1-%d; pps: packets per second the publisher sends, 1-%d
              receivers: one thread per subscriber socket, or one thread over a selector for all
              warm-up: 0s-30s; duration (the measurement window): 1s-120s, suffix s or m
            """.formatted(MAX_SUBSCRIBERS, MAX_PACKETS_PER_SECOND);

    FloorOptions {
        if (subscribers < 1 || subscribers > MAX_SUBSCRIBERS) {
            throw new IllegalArgumentException("subscriber count out of range: " + subscribers);
        }
        if (packetsPerSecond < 1 || packetsPerSecond > MAX_PACKETS_PER_SECOND) {
            throw new IllegalArgumentException("packet rate out of range: " + packetsPerSecond);
        }
        if (warmUp.isNegative() || warmUp.compareTo(MAX_WARM_UP) > 0) {
            throw new IllegalArgumentException("warm-up must be 0s to 30s: " + warmUp);
        }
        if (duration.compareTo(Duration.ofSeconds(1)) < 0 || duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("duration must be 1s to 120s: " + duration);
        }
    }

    /** Parses the command line; throws IllegalArgumentException with a message fit for the user. */
    static FloorOptions parse(String[] args) {
        int subscribers = 50;
        int packetsPerSecond = 1000;
        SrtpProfile profile = SrtpProfile.AES128_CM_HMAC_SHA1_80;
        ReceiverArrangement receivers = ReceiverArrangement.THREADS;
        Duration warmUp = Duration.ofSeconds(2);
        Duration duration = Duration.ofSeconds(10);
        Optional<Path> json = Optional.empty();
        for (Map.Entry<String, String> option : ToolCommandLine.options(args)) {
            String name = option.getKey();
            String value = option.getValue();
            switch (name) {
                case "--subscribers" -> subscribers = Integer.parseInt(value);
                case "--pps" -> packetsPerSecond = Integer.parseInt(value);
                case "--profile" -> profile = SrtpProfile.valueOf(value.toUpperCase(Locale.ROOT));
                case "--receivers" -> receivers = ReceiverArrangement.valueOf(value.toUpperCase(Locale.ROOT));
                case "--warm-up" -> warmUp = ToolCommandLine.parseDuration(value);
                case "--duration" -> duration = ToolCommandLine.parseDuration(value);
                case "--json" -> json = Optional.of(Path.of(value));
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        return new FloorOptions(subscribers, packetsPerSecond, profile, receivers, warmUp, duration, json);
    }
}
