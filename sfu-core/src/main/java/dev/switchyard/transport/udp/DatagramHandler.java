package dev.switchyard.transport.udp;

import java.net.InetSocketAddress;

/** Where a media worker hands every datagram it receives on the shared port. */
@FunctionalInterface
public interface DatagramHandler {

    /**
     * Handles one datagram on the receiving worker's thread. The bytes are only valid during the call; an
     * exception drops this datagram alone (counted by the worker).
     */
    void onDatagram(byte[] data, int offset, int length, InetSocketAddress from);
}
