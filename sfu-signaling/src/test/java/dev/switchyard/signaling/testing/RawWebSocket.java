package dev.switchyard.signaling.testing;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A WebSocket client that does only what a test tells it to, on a plain TCP socket: unlike a real client it
 * never answers pings and never reads unless asked, so tests can play a stalled or vanished peer.
 */
public final class RawWebSocket implements AutoCloseable {

    /** RFC 6455 §5.2 opcodes. */
    public static final int TEXT = 0x1;
    public static final int CLOSE = 0x8;
    public static final int PING = 0x9;

    /** One frame from the server (unmasked, RFC 6455 §5.1). */
    public record Frame(int opcode, byte[] payload) {
        /** The status code of a close frame. */
        public int closeStatus() {
            return ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }
    }

    private final Socket socket;
    private final OutputStream toServer;
    private final DataInputStream fromServer;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.toServer = socket.getOutputStream();
        this.fromServer = new DataInputStream(socket.getInputStream());
    }

    /** Connects and upgrades; {@code receiveBufferBytes} below the default makes a stalled reader fill up sooner. */
    public static RawWebSocket open(int port, String path, int receiveBufferBytes) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(receiveBufferBytes);
        socket.setSoTimeout(10_000);
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        RawWebSocket client = new RawWebSocket(socket);
        client.toServer.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        client.toServer.flush();
        client.awaitHandshakeResponse();
        return client;
    }

    /** Reads the server's handshake response up to its blank line, as a client must before sending frames. */
    private void awaitHandshakeResponse() throws IOException {
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        while (matched < end.length) {
            int next = fromServer.read();
            assertTrue(next >= 0, "the handshake response ended early");
            matched = next == end[matched] ? matched + 1 : (next == end[0] ? 1 : 0);
        }
    }

    /** Sends one text frame (RFC 6455 §5.2: masked; payloads under 126 bytes only). */
    public void sendText(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        if (payload.length > 125) {
            throw new IllegalArgumentException("only short frames: " + payload.length + " bytes");
        }
        byte[] mask = {1, 2, 3, 4};
        byte[] frame = new byte[2 + 4 + payload.length];
        frame[0] = (byte) (0x80 | TEXT);
        frame[1] = (byte) (0x80 | payload.length);
        System.arraycopy(mask, 0, frame, 2, 4);
        for (int i = 0; i < payload.length; i++) {
            frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
        }
        toServer.write(frame);
        toServer.flush();
    }

    /**
     * The next frame the server sent, waiting up to 10 s.
     *
     * @throws EOFException if the server closed the connection first
     */
    public Frame nextFrame() throws IOException {
        int first = fromServer.readUnsignedByte();
        int length = fromServer.readUnsignedByte() & 0x7F;
        if (length == 126) {
            length = fromServer.readUnsignedShort();
        } else if (length == 127) {
            long longLength = fromServer.readLong();
            length = Math.toIntExact(longLength);
        }
        byte[] payload = new byte[length];
        fromServer.readFully(payload);
        return new Frame(first & 0x0F, payload);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
