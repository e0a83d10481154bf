package dev.switchyard.signaling;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.switchyard.signaling.message.ErrorCode;
import dev.switchyard.signaling.message.Json;
import dev.switchyard.signaling.message.ProtocolException;

/**
 * The sending side of one WebSocket. Every method may be called from any thread: Netty queues writes from
 * outside the channel's event loop onto it, in call order. Sends after the socket closed are dropped.
 */
public final class SessionChannel {

    /** The most characters of a client's input an error message repeats. */
    static final int MAX_ECHOED_CHARS = 200;

    /** Outbound bytes a socket may have waiting before its client counts as stopped (see {@link #send}). */
    static final int MAX_QUEUED_BYTES = 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(SessionChannel.class);

    /** How long a closing socket waits for the client to close its side before the server closes it. */
    static final long CLOSE_LINGER_MILLIS = 2000;

    private final Channel channel;
    private volatile boolean closing;
    private volatile boolean closedByClient;
    private final AtomicBoolean slowConsumerClosed = new AtomicBoolean();
    private final SignalingCounters counters;
    private final AtomicBoolean failureLogged = new AtomicBoolean();

    public SessionChannel(Channel channel) {
        this(channel, new SignalingCounters());
    }

    /** @param counters where a slow reader cut off is counted */
    SessionChannel(Channel channel, SignalingCounters counters) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.counters = Objects.requireNonNull(counters, "counters");
    }

    /**
     * Queues {@code message}. A client that stops reading is cut off once more than {@link #MAX_QUEUED_BYTES}
     * wait for it: the connection is closed at once (a close frame would only queue behind the rest), so one
     * slow reader neither grows the server's memory nor holds up the event loop other sockets share.
     */
    public void send(ObjectNode message) {
        if (!channel.isWritable() && channel.bytesBeforeWritable() > MAX_QUEUED_BYTES) {
            if (slowConsumerClosed.compareAndSet(false, true)) {
                LOG.info("closing {}: it stopped reading and more than {} bytes wait for it",
                        channel.remoteAddress(), MAX_QUEUED_BYTES);
                counters.countSlowReaderClosed();
                channel.close();
            }
            return;
        }
        channel.writeAndFlush(new TextWebSocketFrame(Json.write(message)), channel.voidPromise());
    }

    /**
     * Sends an {@code error}; {@code requestType} is the type of the offending message, or null if unknown. Both
     * texts may quote the client's input, so they are cut to {@link #MAX_ECHOED_CHARS}: an error never costs
     * more to send than a short message, however large the input was.
     */
    public void sendError(ErrorCode code, String message, String requestType) {
        ObjectNode error = Json.message("error");
        error.put("code", code.wireName());
        error.put("message", truncated(message));
        error.put("requestType", truncated(requestType));
        send(error);
    }

    private static String truncated(String text) {
        return text == null || text.length() <= MAX_ECHOED_CHARS ? text : text.substring(0, MAX_ECHOED_CHARS) + "…";
    }

    public void sendError(ProtocolException refusal, String requestType) {
        sendError(refusal.code(), refusal.getMessage(), requestType);
    }

    /**
     * Logs a failure of the server while it handled this connection: the first with its stack trace, later ones
     * as one debug line each, so that a client repeating a request that trips a server bug cannot flood the log.
     */
    public void logFailure(Logger log, String what, Throwable failure) {
        if (failureLogged.compareAndSet(false, true)) {
            log.error("{} (client {}; further failures on this connection are logged at debug level)", what,
                    channel.remoteAddress(), failure);
        } else {
            log.debug("{} (client {}): {}", what, channel.remoteAddress(), failure.toString());
        }
    }

    /** Runs {@code task} on this socket's event loop after what is queued there now. */
    public void runLater(Runnable task) {
        channel.eventLoop().execute(task);
    }

    /** Runs {@code task} on this socket's event loop once {@code delayMillis} have passed. */
    public void runAfter(Runnable task, long delayMillis) {
        channel.eventLoop().schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts the closing handshake (RFC 6455 §7.1.2). Once the close frame is out, the server stops sending (TCP
     * half-close) but keeps reading and discarding until the client closes its side, or for at most
     * {@link #CLOSE_LINGER_MILLIS}: closing with unread input would make the kernel answer with a reset, which can
     * destroy the close frame before the client reads it (a client still sending an oversized message).
     */
    public void close(WebSocketCloseStatus status) {
        closing = true;
        channel.writeAndFlush(new CloseWebSocketFrame(status)).addListener(ChannelFutureListener.CLOSE_ON_FAILURE)
                .addListener(sent -> lingerThenClose());
    }

    /** The client sent a close frame: it ended the connection on purpose, rather than losing it. */
    void markClosedByClient() {
        closedByClient = true;
    }

    /** Whether the client closed the WebSocket with a close frame (a page that left), not by losing it. */
    public boolean isClosedByClient() {
        return closedByClient;
    }

    /** True once {@link #close} was called: what the client sends from then on is not delivered. */
    public boolean isClosing() {
        return closing;
    }

    private void lingerThenClose() {
        if (channel instanceof DuplexChannel duplex && duplex.isActive()) {
            duplex.shutdownOutput();
        } else {
            channel.close();
            return;
        }
        channel.eventLoop().schedule(() -> channel.close(), CLOSE_LINGER_MILLIS, TimeUnit.MILLISECONDS);
    }
}
