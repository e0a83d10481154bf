package dev.switchyard.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.switchyard.conference.MediaSettings;
import dev.switchyard.signaling.sfu.IceServer;

class ConfigLoaderTest {

    @TempDir
    Path directory;

    private Path file(String json) throws IOException {
        Path file = directory.resolve("switchyard.json");
        Files.writeString(file, json);
        return file;
    }

    private static ServerConfig load(Map<String, String> environment, String... args) throws ConfigException {
        return ConfigLoader.load(List.of(args), environment);
    }

    private static String failure(Map<String, String> environment, String... args) {
        return assertThrows(ConfigException.class, () -> load(environment, args)).getMessage();
    }

    @Test
    void nothingGivenMeansDefaults() throws ConfigException {
        ServerConfig config = load(Map.of());
        assertEquals(ServerConfig.DEFAULTS, config);
        assertEquals("127.0.0.1", config.httpHost());
        assertEquals(8080, config.httpPort());
        assertEquals(InetAddress.getLoopbackAddress(), config.mediaAddress());
        assertEquals(10000, config.mediaPort());
        assertEquals(-1, config.iceTcpPort());
        assertNull(config.advertisedAddress());
        assertEquals(List.of(), config.iceServers());
        assertEquals(0, config.mediaWorkers());
        assertEquals(Runtime.getRuntime().availableProcessors(), config.effectiveMediaWorkers());
        assertEquals(3, load(Map.of(), "--media-workers", "3").effectiveMediaWorkers());
        assertEquals(MediaSettings.DEFAULTS, config.media());
        assertEquals(List.of(), config.allowedOrigins());
        assertEquals(List.of("https://a.example", "http://b.example:8080"),
                load(Map.of(), "--allowed-origins", "https://a.example, http://b.example:8080").allowedOrigins());
        assertEquals(new MediaSettings(false, 500_000, MediaSettings.DEFAULTS.maxVideoBitsPerSecond(), 800_000),
                load(Map.of(), "--retransmission", "false", "--max-retransmission-kbps", "500",
                        "--start-video-kbps", "800").media());
    }

    @Test
    void fileThenEnvironmentThenFlagsEachOverrideTheLayerBelow() throws Exception {
        Path file = file("""
                {"httpPort": 8081, "mediaPort": 20000, "iceTcpPort": 4443, "consentTimeoutSeconds": 12,
                 "httpHost": "0.0.0.0"}""");
        Map<String, String> environment = Map.of(
                "SWITCHYARD_CONFIG", file.toString(),
                "SWITCHYARD_MEDIA_PORT", "20001",
                "SWITCHYARD_ICE_TCP_PORT", "4444",
                "UNRELATED", "x");
        ServerConfig config = load(environment, "--ice-tcp-port", "4445", "--advertised-address=192.0.2.7");
        assertEquals(8081, config.httpPort());
        assertEquals("0.0.0.0", config.httpHost());
        assertEquals(Duration.ofSeconds(12), config.consentTimeout());
        assertEquals(20001, config.mediaPort());
        assertEquals(4445, config.iceTcpPort());
        assertEquals(InetAddress.getByName("192.0.2.7"), config.advertisedAddress());
    }

    @Test
    void configFlagWinsOverTheConfigVariable() throws Exception {
        Path flagged = file("{\"httpPort\": 9001}");
        Path other = directory.resolve("other.json");
        Files.writeString(other, "{\"httpPort\": 9002}");
        ServerConfig config = load(Map.of("SWITCHYARD_CONFIG", other.toString()), "--config", flagged.toString());
        assertEquals(9001, config.httpPort());
    }

    @Test
    void anEmptyAdvertisedAddressClearsTheFileValue() throws Exception {
        Path file = file("{\"advertisedAddress\": \"192.0.2.7\"}");
        assertNull(load(Map.of("SWITCHYARD_ADVERTISED_ADDRESS", ""), "--config", file.toString())
                .advertisedAddress());
    }

    @Test
    void iceServersComeAsJsonFromAnyLayer() throws Exception {
        Path file = file("""
                {"iceServers": [{"urls": "stun:stun.example.org:3478"},
                                {"urls": ["stun:a.example.org:3478", "stun:b.example.org:3478"]}]}""");
        ServerConfig fromFile = load(Map.of(), "--config", file.toString());
        assertEquals(List.of(new IceServer(List.of("stun:stun.example.org:3478"), null, null),
                new IceServer(List.of("stun:a.example.org:3478", "stun:b.example.org:3478"), null, null)),
                fromFile.iceServers());
        ServerConfig fromFlag = load(Map.of(), "--config", file.toString(),
                "--ice-servers", "[{\"urls\":\"stun:other.example.org\"}]");
        assertEquals(List.of(new IceServer(List.of("stun:other.example.org"), null, null)), fromFlag.iceServers());
    }

    @Test
    void connectionDeadlinesAreConfigurableAndAnIdleDeadlineBelowThePingIntervalIsRefused() throws Exception {
        ServerConfig config = load(Map.of("SWITCHYARD_JOIN_TIMEOUT_SECONDS", "5"), "--ping-interval-seconds", "10",
                "--idle-timeout-seconds", "31", "--http-request-timeout-seconds", "3");
        assertEquals(Duration.ofSeconds(5), config.deadlines().join());
        assertEquals(Duration.ofSeconds(10), config.deadlines().pingInterval());
        assertEquals(Duration.ofSeconds(31), config.deadlines().idle());
        assertEquals(Duration.ofSeconds(3), config.deadlines().httpRequest());
        assertTrue(failure(Map.of(), "--ping-interval-seconds", "30", "--idle-timeout-seconds", "30")
                .contains("the idle deadline (30 s) must be longer than the ping interval (30 s)"));
    }

    @Test
    void invalidValuesAreReportedWithTheirOrigin() {
        assertTrue(failure(Map.of(), "--http-port", "70000").contains("--http-port must be 0-65535"));
        assertTrue(failure(Map.of("SWITCHYARD_HTTP_PORT", "eighty")).contains("SWITCHYARD_HTTP_PORT must be a whole number"));
        assertTrue(failure(Map.of(), "--ice-tcp-port", "0").contains("-1 for no ICE-TCP"));
        assertTrue(failure(Map.of(), "--consent-timeout-seconds", "0").contains("must be 1-86400"));
        assertTrue(failure(Map.of(), "--media-address", "no-such-host.invalid").contains("not a known address"));
        assertTrue(failure(Map.of(), "--http-host", " ").contains("non-empty"));
        assertTrue(failure(Map.of(), "--http-host", "no-such-host.invalid").contains("--http-host is not a known address"));
        assertTrue(failure(Map.of(), "--media-address", "0.0.0.0").contains("--media-address must be one of this machine's"));
        assertTrue(failure(Map.of(), "--media-address", "::").contains("wildcard"));
        assertTrue(failure(Map.of(), "--media-workers", "-1").contains("must be 0-256"));
        assertTrue(failure(Map.of(), "--retransmission", "yes").contains("must be true or false"));
        assertTrue(failure(Map.of(), "--allowed-origins", "app.example.org").contains("no origin"));
        assertTrue(failure(Map.of(), "--ice-servers", "[{\"urls\":\"http://x\"}]").contains("stun:"));
        assertTrue(failure(Map.of(), "--ice-servers", "[{\"urls\":\"stun:x\",\"password\":\"p\"}]")
                .contains("unknown ICE server field 'password'"));
        assertTrue(failure(Map.of(), "--ice-servers", "{oops").contains("must be JSON"));
    }

    @Test
    void badFlagsAreReported() {
        assertTrue(failure(Map.of(), "--http-prot", "1").contains("unknown option --http-prot"));
        assertTrue(failure(Map.of(), "--http-port").contains("--http-port needs a value"));
        assertTrue(failure(Map.of(), "8080").contains("unexpected argument '8080'"));
    }

    @Test
    void badFilesAreReported() throws Exception {
        assertTrue(failure(Map.of(), "--config", directory.resolve("absent.json").toString())
                .contains("cannot read configuration file"));
        assertTrue(failure(Map.of(), "--config", file("{\"httpPort\": 1,}").toString()).contains("not valid JSON"));
        assertTrue(failure(Map.of(), "--config", file("[1]").toString()).contains("must hold a JSON object"));
        assertTrue(failure(Map.of(), "--config", file("{\"httpport\": 1}").toString())
                .contains("unknown setting 'httpport'"));
        assertTrue(failure(Map.of(), "--config", file("{\"httpPort\": 1.5}").toString())
                .contains("'httpPort' in"));
    }

    @Test
    void turnCredentialsComeFromASharedSecretNeverFromStaticIceServerEntries() throws ConfigException {
        String refusal = failure(Map.of(), "--ice-servers",
                "[{\"urls\":\"turn:t.example.org\",\"username\":\"u\",\"credential\":\"hunter2\"}]");
        assertTrue(refusal.contains("static TURN credential"), refusal);
        assertFalse(refusal.contains("hunter2"), refusal);
        ServerConfig config = load(Map.of("SWITCHYARD_TURN_SECRET", "hunter2"),
                "--turn-urls", "turn:t.example.org:3478, turns:t.example.org:5349");
        assertEquals(List.of("turn:t.example.org:3478", "turns:t.example.org:5349"), config.turn().urls());
        assertEquals("hunter2", config.turn().secret().value());
        assertEquals(Duration.ofDays(1), config.turn().credentialLifetime());
        assertEquals("set", ConfigLoader.describe(config, ConfigOption.TURN_SECRET));
        assertTrue(failure(Map.of(), "--turn-urls", "turn:t.example.org").contains("set both or neither"));
        assertTrue(failure(Map.of(), "--turn-secret", "s", "--turn-urls", "stun:t.example.org")
                .contains("no turn: or turns: URL"));
        assertEquals(null, load(Map.of()).turn());
    }

    @Test
    void tlsNeedsACertificateAndItsKeyAsReadableFiles() throws Exception {
        Path certificate = file("not checked until the server starts");
        Path key = file("nor this");
        ServerConfig config = load(Map.of(), "--tls-certificate", certificate.toString(),
                "--tls-private-key", key.toString());
        assertEquals(new TlsFiles(certificate, key), config.tls());
        assertTrue(failure(Map.of(), "--tls-certificate", certificate.toString()).contains("set both or neither"));
        assertTrue(failure(Map.of(), "--tls-certificate", "/no/such/file.pem", "--tls-private-key", key.toString())
                .contains("must name a readable file"));
        assertEquals(null, load(Map.of()).tls());
    }

    @Test
    void aTokenKeyTurnsDevelopmentModeOffAndIsNeverShown() throws ConfigException {
        assertFalse(load(Map.of()).requiresTokens());
        String key = "k".repeat(32);
        ServerConfig config = load(Map.of("SWITCHYARD_TOKEN_KEY", key));
        assertTrue(config.requiresTokens());
        assertEquals(key, config.tokenKey().value());
        assertFalse(config.toString().contains(key), "a logged configuration hides the key");
        assertEquals("set", ConfigLoader.describe(config, ConfigOption.TOKEN_KEY));
        String shortKey = "too-short-to-be-a-256-bit-key";
        String refusal = failure(Map.of(), "--token-key", shortKey);
        assertTrue(refusal.contains("at least 32 bytes"), refusal);
        assertFalse(refusal.contains(shortKey), "an error never repeats a secret");
    }

    @Test
    void helpListsEveryOptionWithItsVariableAndDefault() {
        assertTrue(ConfigLoader.wantsHelp(List.of("--http-port", "1", "--help")));
        String usage = ConfigLoader.usage();
        for (ConfigOption option : ConfigOption.values()) {
            assertTrue(usage.contains(option.flag()), option.flag());
            assertTrue(usage.contains(option.environmentVariable()), option.environmentVariable());
        }
        assertTrue(usage.contains("--http-port PORT"));
        assertTrue(usage.contains("default 8080; env SWITCHYARD_HTTP_PORT; file \"httpPort\""));
    }
}
