package dev.switchyard.server.e2e;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.switchyard.signaling.sfu.IceServer;
import dev.switchyard.signaling.sfu.TurnCredentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The credentials the server hands out in {@code joined} against a real coturn ({@code use-auth-secret}) on
 * loopback: coturn's own client allocates a relay with them and relays packets; a wrong password and an expired
 * credential are refused.
 */
class CoturnCredentialsTest {

    private static final Path TURNSERVER = Path.of("/usr/bin/turnserver");
    private static final Path CLIENT = Path.of("/usr/bin/turnutils_uclient");
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);

    private final String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    private Process coturn;
    private int port;
    private ScratchDirectory scratch;

    @BeforeEach
    void startCoturn() throws IOException {
        assertTrue(Files.isExecutable(TURNSERVER) && Files.isExecutable(CLIENT),
                "coturn is not installed (Debian: apt-get install -y coturn)");
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        scratch = ScratchDirectory.create();
        coturn = new ProcessBuilder(TURNSERVER.toString(), "-n", "--listening-ip=127.0.0.1", "--relay-ip=127.0.0.1",
                "--listening-port=" + port, "--use-auth-secret", "--static-auth-secret=" + secret,
                "--realm=switchyard.test", "--no-tls", "--no-dtls", "--no-cli", "--no-tcp", "--allow-loopback-peers",
                "--log-file=stdout", "--simple-log", "--pidfile=" + scratch.path().resolve("turnserver.pid"))
                .redirectErrorStream(true)
                .redirectOutput(E2eLogs.file("coturn", "turnserver").toFile())
                .start();
    }

    @AfterEach
    void stopCoturn() throws InterruptedException {
        coturn.destroy();
        if (!coturn.waitFor(10, TimeUnit.SECONDS)) {
            coturn.destroyForcibly();
        }
        scratch.close();
    }

    /** Runs coturn's client: an allocation and 5 relayed messages; its exit code (0 when all went through). */
    private int allocate(IceServer credential) throws IOException, InterruptedException {
        Process client = new ProcessBuilder(CLIENT.toString(), "-p", Integer.toString(port), "-u",
                credential.username(), "-w", credential.credential(), "-n", "5", "-m", "1", "-y", "127.0.0.1")
                .redirectErrorStream(true)
                .redirectOutput(E2eLogs.file("coturn", "uclient").toFile())
                .start();
        if (!client.waitFor(CLIENT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            client.destroyForcibly();
            throw new AssertionError("turnutils_uclient did not finish within " + CLIENT_TIMEOUT);
        }
        return client.exitValue();
    }

    @Test
    void coturnRelaysWithTheIssuedCredentialAndRefusesWrongOrExpiredOnes() throws Exception {
        TurnCredentials issuer = new TurnCredentials(List.of("turn:127.0.0.1:" + port),
                secret.getBytes(StandardCharsets.UTF_8), Duration.ofHours(1), Clock.systemUTC());
        IceServer issued = issuer.issue("ada");
        // coturn needs a moment to open its listener: the first allocation may find no one yet.
        int valid = allocate(issued);
        for (int attempt = 0; valid != 0 && attempt < 20; attempt++) {
            Thread.sleep(250);
            valid = allocate(issued);
        }
        assertEquals(0, valid, "coturn relays with the issued credential");

        IceServer wrongPassword = new IceServer(issued.urls(), issued.username(), "AAAA" + issued.credential());
        assertNotEquals(0, allocate(wrongPassword), "a wrong password is refused");

        Clock yesterday = Clock.fixed(Instant.now().minus(Duration.ofDays(1)), ZoneOffset.UTC);
        IceServer expired = new TurnCredentials(issued.urls(), secret.getBytes(StandardCharsets.UTF_8),
                Duration.ofHours(1), yesterday).issue("ada");
        assertNotEquals(0, allocate(expired), "an expired credential is refused");
    }
}
