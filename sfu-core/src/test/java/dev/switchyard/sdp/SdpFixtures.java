package dev.switchyard.sdp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Captured SDP under {@code src/test/resources/sdp/<browser-version>/}. */
final class SdpFixtures {

    /** Chromium 156, Firefox 153 and Janus 1.1.2 captures; a lower count means files went missing. */
    static final int COUNT = 16;

    private SdpFixtures() {
    }

    /** Relative names such as {@code chromium-156/offer.sdp}, sorted. */
    static List<String> names() {
        Path root = root();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".sdp"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(String name) {
        try {
            return Files.readString(root().resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SessionDescription parse(String name) {
        return SessionDescription.parse(read(name));
    }

    private static Path root() {
        URL url = SdpFixtures.class.getResource("/sdp");
        if (url == null) {
            throw new IllegalStateException("SDP fixtures are not on the test classpath");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
