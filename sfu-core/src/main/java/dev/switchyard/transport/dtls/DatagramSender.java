package dev.switchyard.transport.dtls;

import java.io.IOException;

/** Sends one datagram to the remote peer of a transport (the selected ICE pair). */
@FunctionalInterface
public interface DatagramSender {

    /** Sends {@code buffer[offset, offset + length)} as one datagram; the callee must not keep the array. */
    void send(byte[] buffer, int offset, int length) throws IOException;
}
