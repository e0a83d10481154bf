package dev.switchyard.server.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A browser's own temporary directory (profile, HOME, TMPDIR), deleted with everything in it on close, so that
 * browsers never share state and nothing is left behind.
 */
final class ScratchDirectory implements AutoCloseable {

    private final Path path;

    private ScratchDirectory(Path path) {
        this.path = path;
    }

    static ScratchDirectory create() {
        try {
            // Short: Chromium puts a unix socket under TMPDIR and gives up when its path exceeds 107 bytes.
            return new ScratchDirectory(Files.createTempDirectory("sye2e-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path path() {
        return path;
    }

    /** HOME, TMPDIR and the XDG directories of a browser process, all inside this directory. */
    Map<String, String> environment() {
        return Map.of(
                "HOME", path.toString(),
                "TMPDIR", path.toString(),
                "XDG_CONFIG_HOME", path.resolve("config").toString(),
                "XDG_CACHE_HOME", path.resolve("cache").toString());
    }

    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            System.err.println("E2E could not delete " + path + ": " + e);
        }
    }
}
