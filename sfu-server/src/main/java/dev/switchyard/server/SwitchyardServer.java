package dev.switchyard.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.net.ssl.SSLException;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.switchyard.conference.RoomManager;
import dev.switchyard.signaling.OriginPolicy;
import dev.switchyard.signaling.SignalingCounters;
import dev.switchyard.signaling.SignalingServer;
import dev.switchyard.signaling.auth.AccessTokens;
import dev.switchyard.signaling.auth.AdminCredential;
import dev.switchyard.signaling.auth.JoinAuthority;
import dev.switchyard.signaling.mesh.MeshRelay;
import dev.switchyard.signaling.sfu.AdminRoute;
import dev.switchyard.signaling.sfu.IceServers;
import dev.switchyard.signaling.sfu.SfuEndpoint;
import dev.switchyard.signaling.sfu.TurnCredentials;
import dev.switchyard.transport.TransportContext;
import dev.switchyard.transport.ice.IceSettings;
import dev.switchyard.transport.ice.ServerIcePorts;

/**
 * A running Switchyard: media ports, the room manager, and the HTTP port with {@code /ws} (SFU), {@code /mesh}
 * (peer-to-peer relay), {@code /health} and the demo pages. Tests start one in-process with
 * {@code SwitchyardServer.start(ServerConfig.DEFAULTS.withEphemeralPorts())}.
 */
public final class SwitchyardServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SwitchyardServer.class);

    private final ServerConfig config;
    private final TransportContext transports;
    private final ServerIcePorts ports;
    private final RoomManager roomManager;
    private final SignalingServer signaling;
    private final ServerMetrics metrics;
    private final SfuEndpoint sfu;

    private SwitchyardServer(ServerConfig config, TransportContext transports, ServerIcePorts ports,
                             RoomManager roomManager, SignalingServer signaling, ServerMetrics metrics,
                             SfuEndpoint sfu) {
        this.sfu = sfu;
        this.config = config;
        this.transports = transports;
        this.ports = ports;
        this.roomManager = roomManager;
        this.signaling = signaling;
        this.metrics = metrics;
    }

    /** The HTTPS/WSS context of the configured certificate, or null for plain HTTP. */
    private static SslContext sslContext(TlsFiles tls) throws IOException {
        if (tls == null) {
            return null;
        }
        try {
            return SslContextBuilder.forServer(tls.certificateChain().toFile(), tls.privateKey().toFile()).build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IOException("cannot use the TLS certificate " + tls.certificateChain() + " with key "
                    + tls.privateKey() + ": " + e.getMessage(), e);
        }
    }

    /** The configured STUN servers and, with a TURN secret, a TURN server with credentials per participant. */
    private static IceServers iceServers(ServerConfig config) {
        TurnSettings turn = config.turn();
        return new IceServers(config.iceServers(), Optional.ofNullable(turn).map(settings -> new TurnCredentials(
                settings.urls(), settings.secret().bytes(), settings.credentialLifetime(), Clock.systemUTC())));
    }

    /** Joins need access tokens under the configured key; without one, development mode, said loudly. */
    private static JoinAuthority joinAuthority(AccessTokens tokens) {
        if (tokens == null) {
            LOG.warn("DEVELOPMENT MODE: no token key is configured, so anyone can join any room."
                    + " Set --token-key (or SWITCHYARD_TOKEN_KEY) before exposing this server.");
            return JoinAuthority.developmentMode();
        }
        return JoinAuthority.withTokens(tokens);
    }

    /** Binds every port and starts serving; on failure nothing stays bound. */
    public static SwitchyardServer start(ServerConfig config) throws IOException {
        TransportContext.Settings defaults = TransportContext.Settings.DEFAULTS;
        TransportContext transports = new TransportContext(
                defaults.withTimeouts(config.consentTimeout(), defaults.handshakeTimeout()));
        ServerIcePorts ports = null;
        RoomManager roomManager = null;
        ServerMetrics metrics = null;
        try {
            ports = ServerIcePorts.bind(IceSettings.DEFAULTS, config.mediaAddress(), config.mediaPort(),
                    config.iceTcpPort(), config.advertisedAddress(), config.effectiveMediaWorkers());
            roomManager = new RoomManager(transports, ports, config.media(), config.roomLimits());
            AccessTokens tokens = config.requiresTokens()
                    ? new AccessTokens(config.tokenKey().bytes(), Clock.systemUTC()) : null;
            JoinAuthority authority = joinAuthority(tokens);
            AdminCredential admin = AdminCredential.of(config.adminKey() == null ? null : config.adminKey().bytes(),
                    tokens);
            SignalingCounters signalingCounters = new SignalingCounters();
            metrics = new ServerMetrics(roomManager, ports, signalingCounters);
            SfuEndpoint sfu = new SfuEndpoint(roomManager, authority, iceServers(config), config.resumeGrace());
            OperatorAccess operators = new OperatorAccess(admin, !config.requiresTokens());
            SignalingServer signaling = SignalingServer.start(
                    new InetSocketAddress(config.httpHost(), config.httpPort()),
                    Map.of("/ws", sfu,
                            "/mesh", new MeshRelay(authority)),
                    List.of(new HealthRoute(roomManager, ports, signalingCounters, operators),
                            new MetricsRoute(metrics, operators),
                            new AdminRoute(roomManager, admin),
                            new StaticFiles(SwitchyardServer.class.getClassLoader(), StaticFiles.WEB_ROOT)),
                    new OriginPolicy(Set.copyOf(config.allowedOrigins())), config.deadlines(),
                    config.connectionLimits(), signalingCounters, sslContext(config.tls()));
            SwitchyardServer server = new SwitchyardServer(config, transports, ports, roomManager, signaling,
                    metrics, sfu);
            LOG.info("HTTP on {}, media UDP on {}", signaling.address(), ports.udpAddress());
            return server;
        } catch (IOException | RuntimeException e) {
            if (metrics != null) {
                metrics.close();
            }
            if (roomManager != null) {
                roomManager.close();
            }
            if (ports != null) {
                ports.close();
            }
            transports.close();
            throw e;
        }
    }

    /** The bound HTTP port (the chosen one if the configuration said 0). */
    public int httpPort() {
        return signaling.port();
    }

    /** The bound UDP media port (the chosen one if the configuration said 0). */
    public int mediaPort() {
        return ports.udpAddress().getPort();
    }

    /** Where a browser on this machine finds the demo, e.g. {@code http://127.0.0.1:8080/}. */
    public URI httpUri() {
        InetSocketAddress address = signaling.address();
        String host = address.getAddress().isAnyLocalAddress()
                ? "127.0.0.1" : address.getAddress().getHostAddress();
        try {
            return new URI(config.tls() == null ? "http" : "https", null, host, address.getPort(), "/", null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("an IP address and port always make a URI", e);
        }
    }

    public ServerConfig config() {
        return config;
    }

    /** The SFU rooms, e.g. for tests that check who is in them. */
    public RoomManager roomManager() {
        return roomManager;
    }

    /**
     * Tells every client that the server is going away (they come back by themselves, to this server's successor),
     * refuses joins from now on, and returns once the configured drain time has passed; then {@link #close}.
     */
    public void drain() throws InterruptedException {
        long retryAfterMillis = config.drain().toMillis();
        LOG.info("draining: {} participants told to come back in {} s", roomManager.participantCount(),
                config.drain().toSeconds());
        sfu.announceShutdown("the server is restarting", retryAfterMillis);
        Thread.sleep(retryAfterMillis);
    }

    /** Closes the sockets, removes every participant and frees the ports. */
    @Override
    public void close() {
        signaling.close();
        metrics.close();
        roomManager.close();
        ports.close();
        transports.close();
    }
}
