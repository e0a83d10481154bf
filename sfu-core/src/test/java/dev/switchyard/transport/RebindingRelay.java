package dev.switchyard.transport;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;

/**
 * A NAT on loopback: the client talks to {@link #clientSide()}, the server sees the relay's other socket as the
 * client's address, and {@link #rebind()} moves that socket to a new port mid-call, as a NAT that drops a mapping
 * does. Datagrams the server still sends to the old port are lost.
 */
final class RebindingRelay implements AutoCloseable {

    private final DatagramSocket clientSide;
    private final InetSocketAddress server;
    private volatile DatagramSocket serverSide;
    private volatile InetSocketAddress client;
    private volatile boolean closed;

    RebindingRelay(InetSocketAddress server) throws SocketException {
        this.server = server;
        InetAddress loopback = InetAddress.getLoopbackAddress();
        clientSide = new DatagramSocket(new InetSocketAddress(loopback, 0));
        serverSide = new DatagramSocket(new InetSocketAddress(loopback, 0));
        start("relay-from-client", this::fromClient);
        startServerSide(serverSide);
    }

    InetSocketAddress clientSide() {
        return (InetSocketAddress) clientSide.getLocalSocketAddress();
    }

    /** The address the server currently sees the client at. */
    InetSocketAddress serverFacing() {
        return (InetSocketAddress) serverSide.getLocalSocketAddress();
    }

    /** Moves the server-facing socket to a new port and forgets the old one. */
    void rebind() throws SocketException {
        DatagramSocket old = serverSide;
        DatagramSocket fresh = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        serverSide = fresh;
        startServerSide(fresh);
        old.close();
    }

    private void startServerSide(DatagramSocket socket) {
        start("relay-from-server-" + socket.getLocalPort(), () -> fromServer(socket));
    }

    private static void start(String name, Runnable loop) {
        Thread thread = new Thread(loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void fromClient() {
        DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
        while (!closed) {
            try {
                packet.setLength(2048);
                clientSide.receive(packet);
                client = (InetSocketAddress) packet.getSocketAddress();
                serverSide.send(new DatagramPacket(packet.getData(), packet.getLength(), server));
            } catch (IOException e) {
                // A closed socket at the end, or a send racing a rebind: that datagram is lost, as in a NAT.
            }
        }
    }

    private void fromServer(DatagramSocket socket) {
        DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
        while (!closed && !socket.isClosed()) {
            try {
                packet.setLength(2048);
                socket.receive(packet);
                InetSocketAddress target = client;
                if (target != null) {
                    clientSide.send(new DatagramPacket(packet.getData(), packet.getLength(), target));
                }
            } catch (IOException e) {
                // The socket was rebound away (closed): this direction ends here.
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        clientSide.close();
        serverSide.close();
    }
}
