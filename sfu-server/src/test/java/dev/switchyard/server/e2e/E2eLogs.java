package dev.switchyard.server.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The browsers' logs, kept in {@code target/e2e-logs/} as {@code <browser name>-<kind>.log} because they are
 * the first thing to read when an end-to-end test fails.
 */
final class E2eLogs {

    private static final Path DIRECTORY = Path.of("target", "e2e-logs");

    private E2eLogs() {
    }

    /** Where the {@code kind} log of {@code browserName} goes; creates the directory. */
    static Path file(String browserName, String kind) {
        try {
            Files.createDirectories(DIRECTORY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return DIRECTORY.resolve(browserName + "-" + kind + ".log");
    }

    /** Keeps {@code text} as the {@code kind} log of {@code browserName}; a failure to do so is only reported. */
    static void save(String browserName, String kind, String text) {
        try {
            Files.writeString(file(browserName, kind), text);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("E2E could not save the " + kind + " log of " + browserName + ": " + e);
        }
    }
}
