package dev.switchyard.transport.ice;

import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;

import org.ice4j.attribute.Attribute;
import org.ice4j.attribute.ErrorCodeAttribute;
import org.ice4j.message.Message;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** RFC 8489 §9.1.3: a check that names a session but carries no MESSAGE-INTEGRITY gets 400 and nothing else. */
class UnauthenticatedCheckTest {

    @Test
    void aCheckWithoutMessageIntegrityGetsBadRequestAndAnUnknownUfragGetsNothing() throws Exception {
        try (ServerIcePorts ports = ServerIcePorts.bind(TestIceSettings.SETTINGS, InetAddress.getLoopbackAddress(),
                0, -1, null, 1);
             IceConnection server = IceConnection.forServer(ports, new IgnoringListener());
             DatagramChannel attacker = DatagramChannel.open()) {
            attacker.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            attacker.socket().setSoTimeout(2000);
            byte[] transaction = "0123456789ab".getBytes(StandardCharsets.US_ASCII);

            attacker.send(ByteBuffer.wrap(bindingRequest(server.localParameters().usernameFragment() + ":peer",
                    transaction)), ports.udpAddress());
            byte[] response = receive(attacker);
            assertNotNull(response, "a 400 came back");
            Message message = Message.decode(response, 0, response.length);
            assertEquals(Message.BINDING_ERROR_RESPONSE, message.getMessageType());
            ErrorCodeAttribute error = (ErrorCodeAttribute) message.getAttribute(Attribute.ERROR_CODE);
            assertEquals(400, error.getErrorCode());
            assertNotNull(message.getAttribute(Attribute.FINGERPRINT), "with a FINGERPRINT ice4j accepted");
            assertEquals(new String(transaction, StandardCharsets.US_ASCII),
                    new String(message.getTransactionID(), StandardCharsets.US_ASCII));
            assertNull(receive(attacker), "and nothing else: no success response, no triggered check");
            assertEquals(1, ports.rejectedUnauthenticatedChecks());

            attacker.send(ByteBuffer.wrap(bindingRequest("nosuchufrag:peer", transaction)), ports.udpAddress());
            assertNull(receive(attacker), "an unknown session gets no answer");
        }
    }

    /** The session under attack needs no events here. */
    private static final class IgnoringListener implements IceConnection.Listener {
        @Override
        public void onConnected(IceConnection connection) {
        }

        @Override
        public void onFailed(IceConnection connection, String reason) {
        }

        @Override
        public void onPacket(IceConnection connection, byte[] buffer, int offset, int length,
                             InetSocketAddress from) {
        }
    }

    /** A Binding request with a USERNAME and no MESSAGE-INTEGRITY (RFC 8489 §5). */
    private static byte[] bindingRequest(String username, byte[] transaction) {
        byte[] name = username.getBytes(StandardCharsets.US_ASCII);
        int padded = (name.length + 3) & ~3;
        ByteBuffer message = ByteBuffer.allocate(20 + 4 + padded);
        message.putShort((short) 0x0001).putShort((short) (4 + padded)).putInt(0x2112A442).put(transaction);
        message.putShort((short) 0x0006).putShort((short) name.length).put(name);
        return message.array();
    }

    private static byte[] receive(DatagramChannel channel) throws Exception {
        ByteBuffer buffer = ByteBuffer.allocate(1500);
        try {
            DatagramPacket packet = new DatagramPacket(buffer.array(), buffer.capacity());
            channel.socket().receive(packet);
            byte[] bytes = new byte[packet.getLength()];
            System.arraycopy(packet.getData(), 0, bytes, 0, bytes.length);
            return bytes;
        } catch (SocketTimeoutException e) {
            return null;
        }
    }
}
