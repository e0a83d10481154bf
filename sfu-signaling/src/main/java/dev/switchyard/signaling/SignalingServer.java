package dev.switchyard.signaling;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP port of the server: WebSocket endpoints (each path with its own session type) and plain HTTP routes.
 *
 * <p>Pipeline per connection: {@code HttpServerCodec → HttpRequestDeadline → HttpObjectAggregator →
 * HttpRequestRouter}; an upgrade on an endpoint path replaces the deadline and the router with
 * {@code WebSocketLiveness → WebSocketFrameAggregator → WebSocketFrameHandler}.
 */
public final class SignalingServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SignalingServer.class);

    /** Larger WebSocket messages close the socket with 1009 (RFC 6455 §7.4.1). */
    public static final int MAX_MESSAGE_BYTES = 256 * 1024;
    /** Plain HTTP requests are small GETs; larger ones get 413. */
    static final int MAX_HTTP_REQUEST_BYTES = 16 * 1024;

    private final EventLoopGroup acceptor;
    private final EventLoopGroup workers;
    private final EventExecutorGroup routeExecutors;
    private final ChannelGroup connections;
    private final Channel serverChannel;

    private SignalingServer(EventLoopGroup acceptor, EventLoopGroup workers, EventExecutorGroup routeExecutors,
                            ChannelGroup connections, Channel serverChannel) {
        this.acceptor = acceptor;
        this.workers = workers;
        this.routeExecutors = routeExecutors;
        this.connections = connections;
        this.serverChannel = serverChannel;
    }

    /**
     * Binds and starts serving.
     *
     * @param address where to listen; port 0 picks a free port (see {@link #port()})
     * @param endpoints WebSocket endpoints by exact path, e.g. {@code /ws}
     * @param routes plain HTTP routes, asked in order; a request none serves gets 404
     * @throws IOException if the address cannot be bound
     */
    public static SignalingServer start(InetSocketAddress address, Map<String, WebSocketSessionFactory> endpoints,
                                        List<HttpRoute> routes) throws IOException {
        return start(address, endpoints, routes, OriginPolicy.SAME_ORIGIN_AND_LOCAL);
    }

    /**
     * Binds and starts serving, with WebSocket handshakes from browsers limited to {@code origins}.
     *
     * @see #start(InetSocketAddress, Map, List)
     */
    public static SignalingServer start(InetSocketAddress address, Map<String, WebSocketSessionFactory> endpoints,
                                        List<HttpRoute> routes, OriginPolicy origins) throws IOException {
        return start(address, endpoints, routes, origins, ConnectionDeadlines.DEFAULTS, ConnectionLimits.DEFAULTS,
                new SignalingCounters());
    }

    /**
     * Binds and starts serving, with WebSocket handshakes from browsers limited to {@code origins}, connections
     * that stall, go silent or never join closed by {@code deadlines}, and clients that open too many
     * connections or send too many messages cut off by {@code limits}.
     *
     * @see #start(InetSocketAddress, Map, List)
     */
    public static SignalingServer start(InetSocketAddress address, Map<String, WebSocketSessionFactory> endpoints,
                                        List<HttpRoute> routes, OriginPolicy origins, ConnectionDeadlines deadlines,
                                        ConnectionLimits limits) throws IOException {
        return start(address, endpoints, routes, origins, deadlines, limits, new SignalingCounters());
    }

    /**
     * The same, counting into {@code counters} the connections it refuses or cuts off.
     *
     * @see #start(InetSocketAddress, Map, List, OriginPolicy, ConnectionDeadlines, ConnectionLimits)
     */
    public static SignalingServer start(InetSocketAddress address, Map<String, WebSocketSessionFactory> endpoints,
                                        List<HttpRoute> routes, OriginPolicy origins, ConnectionDeadlines deadlines,
                                        ConnectionLimits limits, SignalingCounters counters) throws IOException {
        return start(address, endpoints, routes, origins, deadlines, limits, counters, null);
    }

    /**
     * The same over TLS when {@code tls} is not null: HTTPS and WSS only. The request deadline also bounds the
     * TLS handshake, which comes before the first request.
     *
     * @see #start(InetSocketAddress, Map, List, OriginPolicy, ConnectionDeadlines, ConnectionLimits)
     */
    public static SignalingServer start(InetSocketAddress address, Map<String, WebSocketSessionFactory> endpoints,
                                        List<HttpRoute> routes, OriginPolicy origins, ConnectionDeadlines deadlines,
                                        ConnectionLimits limits, SignalingCounters counters, SslContext tls)
            throws IOException {
        Map<String, WebSocketSessionFactory> endpointsCopy = Map.copyOf(endpoints);
        List<HttpRoute> routesCopy = List.copyOf(routes);
        EventLoopGroup acceptor = new MultiThreadIoEventLoopGroup(1,
                new DefaultThreadFactory("signaling-accept", true), NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(0,
                new DefaultThreadFactory("signaling-io", true), NioIoHandler.newFactory());
        EventExecutorGroup routeExecutors = new DefaultEventExecutorGroup(2,
                new DefaultThreadFactory("http-routes", true));
        ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
        ConnectionsPerAddress perAddress = new ConnectionsPerAddress(limits.maxConnectionsPerAddress());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, workers)
                .channel(NioServerSocketChannel.class)
                // Writability turns off past 256 KiB queued, so SessionChannel can tell a client that stopped reading.
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(64 * 1024, 256 * 1024))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        InetAddress client = channel.remoteAddress().getAddress();
                        if (!perAddress.tryOpen(client)) {
                            LOG.debug("refusing a connection from {}: {} are open from there already", client,
                                    limits.maxConnectionsPerAddress());
                            counters.countConnectionRefused();
                            channel.close();
                            return;
                        }
                        channel.closeFuture().addListener(closed -> perAddress.closed(client));
                        connections.add(channel);
                        if (tls != null) {
                            channel.pipeline().addLast("tls", tls.newHandler(channel.alloc()));
                        }
                        channel.pipeline()
                                .addLast("http-codec", new HttpServerCodec())
                                .addLast("http-deadline", new HttpRequestDeadline(deadlines.httpRequest()))
                                .addLast("http-aggregator", new HttpObjectAggregator(MAX_HTTP_REQUEST_BYTES))
                                .addLast("http-router", new HttpRequestRouter(endpointsCopy, routesCopy,
                                        origins, deadlines, limits, counters, routeExecutors.next()));
                    }
                });
        ChannelFuture bound = bootstrap.bind(address).awaitUninterruptibly();
        SignalingServer server = new SignalingServer(acceptor, workers, routeExecutors, connections,
                bound.channel());
        if (!bound.isSuccess()) {
            server.close();
            Throwable cause = bound.cause();
            // Some causes carry no message (an unresolved host): name the exception then.
            String reason = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
            throw new IOException("cannot listen on " + address + ": " + reason, cause);
        }
        return server;
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    public int port() {
        return address().getPort();
    }

    /** Stops listening, closes every connection (sessions see {@code onClose}) and stops the threads. */
    @Override
    public void close() {
        serverChannel.close().awaitUninterruptibly();
        connections.close().awaitUninterruptibly();
        acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        routeExecutors.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        acceptor.terminationFuture().awaitUninterruptibly();
        workers.terminationFuture().awaitUninterruptibly();
        routeExecutors.terminationFuture().awaitUninterruptibly();
    }
}
