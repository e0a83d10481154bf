package dev.switchyard.signaling;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.switchyard.signaling.message.ErrorCode;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;

/**
 * Delivers the messages of one upgraded connection to its session, at most as fast as its
 * {@link MessageRateLimit} allows: a socket past its burst is told and closed. Whatever goes wrong here stays
 * with this connection: session failures become {@code internal} errors, frame errors close only this socket.
 */
final class WebSocketFrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketFrameHandler.class);

    /** RFC 6455 §7.4.1 1008: the client broke the server's message rate policy. */
    private static final WebSocketCloseStatus FLOODING = new WebSocketCloseStatus(1008, "message rate exceeded");

    private final WebSocketServerHandshaker handshaker;
    private final WebSocketSession session;
    private final SessionChannel channel;
    private final MessageRateLimit rate;
    private final SignalingCounters counters;
    private boolean closed;

    WebSocketFrameHandler(WebSocketServerHandshaker handshaker, WebSocketSession session, SessionChannel channel,
                          MessageRateLimit rate, SignalingCounters counters) {
        this.handshaker = handshaker;
        this.session = session;
        this.channel = channel;
        this.rate = rate;
        this.counters = counters;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (channel.isClosing()) {
            return;
        }
        // Every frame the server must answer counts, pings included (each costs a pong).
        if ((frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame
                || frame instanceof PingWebSocketFrame) && !rate.tryAcquire(System.nanoTime())) {
            LOG.info("closing WebSocket {}: it sent messages faster than the limit", ctx.channel().remoteAddress());
            channel.sendError(ErrorCode.LIMIT_REACHED, "more messages than the server accepts per second; "
                    + "the connection is closed", null);
            counters.countFlooderClosed();
            channel.close(FLOODING);
        } else if (frame instanceof TextWebSocketFrame text) {
            deliver(text.text());
        } else if (frame instanceof BinaryWebSocketFrame) {
            channel.sendError(ErrorCode.BAD_REQUEST, "binary frames are not accepted; send JSON text", null);
        } else if (frame instanceof PingWebSocketFrame) {
            ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()), ctx.voidPromise());
        } else if (frame instanceof CloseWebSocketFrame) {
            channel.markClosedByClient();
            handshaker.close(ctx.channel(), (CloseWebSocketFrame) frame.retain());
        }
    }

    private void deliver(String text) {
        try {
            session.onText(text);
        } catch (RuntimeException e) {
            channel.logFailure(LOG, "signaling session failed on a message", e);
            channel.sendError(ErrorCode.INTERNAL, "the server failed to handle the message", null);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (!closed) {
            closed = true;
            try {
                session.onClose();
            } catch (RuntimeException e) {
                channel.logFailure(LOG, "signaling session failed to close", e);
            }
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof CorruptedWebSocketFrameException violation) {
            // The frame decoder discards everything after a violation (1009 for an oversized frame).
            LOG.debug("WebSocket protocol violation from {}: {}", ctx.channel().remoteAddress(), cause.getMessage());
            channel.close(violation.closeStatus());
        } else if (cause instanceof TooLongFrameException) {
            // A fragmented message whose fragments add up to more than the limit.
            channel.close(WebSocketCloseStatus.MESSAGE_TOO_BIG);
        } else if (cause instanceof IOException) {
            // A reset or a broken pipe: the client's network, not the server, so one line and no stack trace.
            LOG.debug("WebSocket connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
            ctx.close();
        } else {
            channel.logFailure(LOG, "WebSocket connection failed", cause);
            ctx.close();
        }
    }
}
