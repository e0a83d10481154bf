package dev.switchyard.signaling;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.util.concurrent.EventExecutor;

/** Sends each request to a WebSocket endpoint (upgrading the connection) or to the first route that serves it. */
final class HttpRequestRouter extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(HttpRequestRouter.class);

    private static final WebSocketDecoderConfig DECODER_CONFIG = WebSocketDecoderConfig.newBuilder()
            .maxFramePayloadLength(SignalingServer.MAX_MESSAGE_BYTES)
            // SessionChannel.close sends the close frame itself, then drains instead of resetting the connection.
            .closeOnProtocolViolation(false)
            .build();

    private final Map<String, WebSocketSessionFactory> endpoints;
    private final List<HttpRoute> routes;
    private final OriginPolicy origins;
    private final ConnectionDeadlines deadlines;
    private final ConnectionLimits limits;
    private final SignalingCounters counters;
    /** One single-threaded executor per connection keeps pipelined responses in request order. */
    private final EventExecutor routeExecutor;

    HttpRequestRouter(Map<String, WebSocketSessionFactory> endpoints, List<HttpRoute> routes, OriginPolicy origins,
                      ConnectionDeadlines deadlines, ConnectionLimits limits, SignalingCounters counters,
                      EventExecutor routeExecutor) {
        this.endpoints = endpoints;
        this.routes = routes;
        this.origins = origins;
        this.deadlines = deadlines;
        this.limits = limits;
        this.counters = counters;
        this.routeExecutor = routeExecutor;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (!request.decoderResult().isSuccess()) {
            reply(ctx, HttpResponses.text(HttpResponseStatus.BAD_REQUEST, "malformed request\n"), false);
            return;
        }
        String path;
        try {
            path = new QueryStringDecoder(request.uri()).path();
        } catch (IllegalArgumentException e) {
            reply(ctx, HttpResponses.text(HttpResponseStatus.BAD_REQUEST, "malformed path\n"), keepAlive);
            return;
        }
        WebSocketSessionFactory endpoint = endpoints.get(path);
        if (endpoint != null) {
            upgrade(ctx, request, path, endpoint);
        } else if (!HttpMethod.GET.equals(request.method()) && !HttpMethod.POST.equals(request.method())) {
            reply(ctx, HttpResponses.methodNotAllowed(), keepAlive);
        } else {
            FullHttpRequest retained = request.retainedDuplicate();
            routeExecutor.execute(() -> {
                try {
                    reply(ctx, route(retained, path), keepAlive);
                } finally {
                    retained.release();
                }
            });
        }
    }

    private FullHttpResponse route(FullHttpRequest request, String path) {
        try {
            for (HttpRoute route : routes) {
                FullHttpResponse response = route.respond(request, path);
                if (response != null) {
                    return response;
                }
            }
            return HttpResponses.text(HttpResponseStatus.NOT_FOUND, "not found\n");
        } catch (RuntimeException e) {
            LOG.error("HTTP route failed for {}", path, e);
            return HttpResponses.text(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error\n");
        }
    }

    private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request, String path,
                         WebSocketSessionFactory endpoint) {
        if (!HttpMethod.GET.equals(request.method())
                || !HttpHeaderValues.WEBSOCKET.contentEqualsIgnoreCase(request.headers().get(HttpHeaderNames.UPGRADE))) {
            reply(ctx, HttpResponses.text(HttpResponseStatus.BAD_REQUEST, "WebSocket upgrade expected\n"), false);
            return;
        }
        String origin = request.headers().get(HttpHeaderNames.ORIGIN);
        if (!origins.allows(origin, request.headers().get(HttpHeaderNames.HOST))) {
            LOG.debug("WebSocket handshake from origin {} refused", origin);
            reply(ctx, HttpResponses.text(HttpResponseStatus.FORBIDDEN,
                    "this origin may not open " + path + "; see allowedOrigins in the server's configuration\n"),
                    false);
            return;
        }
        WebSocketServerHandshaker handshaker =
                new WebSocketServerHandshakerFactory(path, null, DECODER_CONFIG).newHandshaker(request);
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
            return;
        }
        SessionChannel channel = new SessionChannel(ctx.channel(), counters);
        WebSocketSession session = endpoint.open(channel);
        ctx.pipeline().replace(this, "ws-session", new WebSocketFrameHandler(handshaker, session, channel,
                new MessageRateLimit(limits.messagesPerSecond(), limits.messageBurst(), System.nanoTime()),
                counters));
        ctx.pipeline().addBefore("ws-session", "ws-aggregator",
                new WebSocketFrameAggregator(SignalingServer.MAX_MESSAGE_BYTES));
        // Every frame counts as a sign of life, so liveness sees them before they are aggregated.
        ctx.pipeline().addBefore("ws-aggregator", "ws-liveness", new WebSocketLiveness(deadlines, session, channel));
        ctx.pipeline().remove(HttpRequestDeadline.class);
        handshaker.handshake(ctx.channel(), request).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    }

    private static void reply(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        HttpUtil.setKeepAlive(response, keepAlive);
        if (keepAlive) {
            ctx.writeAndFlush(response, ctx.voidPromise());
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("HTTP connection {} failed", ctx.channel().remoteAddress(), cause);
        ctx.close();
    }
}
