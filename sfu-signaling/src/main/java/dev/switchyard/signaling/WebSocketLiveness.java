package dev.switchyard.signaling;

import dev.switchyard.signaling.message.ErrorCode;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps only live, joined WebSockets: pings a socket that has been silent for the ping interval, closes one
 * silent for the idle deadline (its client or network is gone, and TCP alone may not notice for many minutes),
 * and closes one whose session has not joined a room by the join deadline. Any frame the client sends counts as
 * a sign of life, pongs included. Runs on the connection's event loop only.
 */
final class WebSocketLiveness extends ChannelDuplexHandler {

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketLiveness.class);

    /** RFC 6455 §7.4.1 1001: the server drops a connection that stopped answering. */
    private static final WebSocketCloseStatus IDLE = new WebSocketCloseStatus(1001, "no frame or pong in time");
    /** RFC 6455 §7.4.1 1008: the client broke the server's policy of joining promptly. */
    private static final WebSocketCloseStatus JOIN_LATE = new WebSocketCloseStatus(1008, "no join in time");

    private final ConnectionDeadlines deadlines;
    private final WebSocketSession session;
    private final SessionChannel channel;
    private long lastReadNanos = System.nanoTime();
    private ScheduledFuture<?> pingCheck;
    private ScheduledFuture<?> joinCheck;

    WebSocketLiveness(ConnectionDeadlines deadlines, WebSocketSession session, SessionChannel channel) {
        this.deadlines = deadlines;
        this.session = session;
        this.channel = channel;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        long interval = deadlines.pingInterval().toNanos();
        pingCheck = ctx.executor().scheduleAtFixedRate(() -> checkSilence(ctx), interval, interval,
                TimeUnit.NANOSECONDS);
        joinCheck = ctx.executor().schedule(this::checkJoined, deadlines.join().toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) throws Exception {
        lastReadNanos = System.nanoTime();
        super.channelRead(ctx, message);
    }

    private void checkSilence(ChannelHandlerContext ctx) {
        if (channel.isClosing()) {
            return;
        }
        long silentNanos = System.nanoTime() - lastReadNanos;
        if (silentNanos >= deadlines.idle().toNanos()) {
            LOG.debug("closing WebSocket {}: silent for {} ms", ctx.channel().remoteAddress(),
                    TimeUnit.NANOSECONDS.toMillis(silentNanos));
            stop();
            channel.close(IDLE);
        } else if (silentNanos >= deadlines.pingInterval().toNanos()) {
            ctx.writeAndFlush(new PingWebSocketFrame(), ctx.voidPromise());
        }
    }

    private void checkJoined() {
        if (channel.isClosing() || session.isJoined()) {
            return;
        }
        channel.sendError(ErrorCode.TIMEOUT, "no join within " + deadlines.join().toSeconds()
                + " s of connecting; the connection is closed", null);
        stop();
        channel.close(JOIN_LATE);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        stop();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        stop();
        super.channelInactive(ctx);
    }

    private void stop() {
        if (pingCheck != null) {
            pingCheck.cancel(false);
        }
        if (joinCheck != null) {
            joinCheck.cancel(false);
        }
    }
}
