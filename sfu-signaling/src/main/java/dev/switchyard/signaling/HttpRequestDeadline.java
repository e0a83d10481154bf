package dev.switchyard.signaling;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes an HTTP connection that does not complete a request in time: counted from the connection's opening
 * and from each response (or the start of a pipelined request), stopped by the end of each request. Reading alone does not reset it, so a client that
 * trickles a request byte by byte (slowloris) holds its socket no longer than one that sends nothing. Removed
 * when the connection becomes a WebSocket. Runs on the connection's event loop only.
 */
final class HttpRequestDeadline extends ChannelDuplexHandler {

    private static final Logger LOG = LoggerFactory.getLogger(HttpRequestDeadline.class);

    private final long timeoutNanos;
    private ScheduledFuture<?> expiry;
    private boolean requestInProgress;

    HttpRequestDeadline(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        arm(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) throws Exception {
        if (message instanceof HttpRequest) {
            requestInProgress = true;
            if (expiry == null) {
                // A pipelined request, begun while the previous one was answered: its own clock starts now.
                arm(ctx);
            }
        }
        if (message instanceof LastHttpContent) {
            requestInProgress = false;
            disarm();
        }
        super.channelRead(ctx, message);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) throws Exception {
        if (message instanceof LastHttpContent && !requestInProgress) {
            arm(ctx);
        }
        super.write(ctx, message, promise);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        disarm();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        disarm();
        super.channelInactive(ctx);
    }

    private void arm(ChannelHandlerContext ctx) {
        disarm();
        expiry = ctx.executor().schedule(() -> expire(ctx), timeoutNanos, TimeUnit.NANOSECONDS);
    }

    private void disarm() {
        if (expiry != null) {
            expiry.cancel(false);
            expiry = null;
        }
    }

    private void expire(ChannelHandlerContext ctx) {
        expiry = null;
        LOG.debug("closing HTTP connection {}: no complete request within {} ms", ctx.channel().remoteAddress(),
                TimeUnit.NANOSECONDS.toMillis(timeoutNanos));
        ctx.close();
    }
}
