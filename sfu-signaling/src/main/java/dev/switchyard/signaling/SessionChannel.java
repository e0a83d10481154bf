package dev.switchyard.signaling;

import java.util.Objects;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchyard.signaling.message.ErrorCode;
import dev.switchyard.signaling.message.Json;
import dev.switchyard.signaling.message.ProtocolException;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;

/**
 * The sending side of one WebSocket. Every method may be called from any thread: Netty queues writes from
 * outside the channel's event loop onto it, in call order. Sends after the socket closed are dropped.
 */
public final class SessionChannel {

    private final Channel channel;

    public SessionChannel(Channel channel) {
        this.channel = Objects.requireNonNull(channel, "channel");
    }

    public void send(ObjectNode message) {
        channel.writeAndFlush(new TextWebSocketFrame(Json.write(message)), channel.voidPromise());
    }

    /** Sends an {@code error}; {@code requestType} is the type of the offending message, or null if unknown. */
    public void sendError(ErrorCode code, String message, String requestType) {
        ObjectNode error = Json.message("error");
        error.put("code", code.wireName());
        error.put("message", message);
        error.put("requestType", requestType);
        send(error);
    }

    public void sendError(ProtocolException refusal, String requestType) {
        sendError(refusal.code(), refusal.getMessage(), requestType);
    }

    /** Runs {@code task} on this socket's event loop after what is queued there now. */
    public void runLater(Runnable task) {
        channel.eventLoop().execute(task);
    }

    /** Starts the closing handshake (RFC 6455 §7.1.2); the TCP connection closes once the close frame is out. */
    public void close(WebSocketCloseStatus status) {
        channel.writeAndFlush(new CloseWebSocketFrame(status)).addListener(ChannelFutureListener.CLOSE);
    }
}
