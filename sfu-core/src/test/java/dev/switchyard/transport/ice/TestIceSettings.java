package dev.switchyard.transport.ice;

import java.time.Duration;

/** The one set of process-wide ICE settings every test in this JVM uses: fast consent checks. */
public final class TestIceSettings {

    public static final IceSettings SETTINGS = new IceSettings(Duration.ofMillis(500), 2, 4 * 1024 * 1024);

    private TestIceSettings() {
    }
}
