package dev.switchyard.loadgen;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.SerializationFeature;

/** What the load tools' command lines share: "--name value" options, durations with a unit, the report output. */
final class ToolCommandLine {

    private ToolCommandLine() {
    }

    /** The "--name value" pairs of {@code args}, in order; throws IllegalArgumentException for a missing value. */
    static List<Map.Entry<String, String>> options(String[] args) {
        List<Map.Entry<String, String>> options = new ArrayList<>();
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + args[i]);
            }
            options.add(Map.entry(args[i], args[i + 1]));
        }
        return options;
    }

    /** "30s" or "2m". */
    static Duration parseDuration(String value) {
        String number = value.substring(0, value.length() - 1);
        return switch (value.charAt(value.length() - 1)) {
            case 's' -> Duration.ofSeconds(Long.parseLong(number));
            case 'm' -> Duration.ofMinutes(Long.parseLong(number));
            default -> throw new IllegalArgumentException("duration needs a unit, s or m: " + value);
        };
    }

    /** Prints the report's table and, when asked, writes the report as JSON. */
    static void print(String table, Object report, Optional<Path> json) throws IOException {
        System.out.print(table);
        if (json.isPresent()) {
            Path path = json.get();
            SignalingSocket.JSON.writer().with(SerializationFeature.INDENT_OUTPUT).writeValue(path.toFile(), report);
            System.out.println("JSON written to " + path);
        }
    }
}
