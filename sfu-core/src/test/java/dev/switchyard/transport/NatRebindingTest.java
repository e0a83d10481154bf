package dev.switchyard.transport;

import org.junit.jupiter.api.Test;

import static dev.switchyard.transport.TransportTestPeers.CLIENT_SSRC;
import static dev.switchyard.transport.TransportTestPeers.SERVER_SSRC;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A client whose NAT gives it a new port mid-call keeps receiving media: the server follows its media there. */
class NatRebindingTest extends LoopbackTransportTest {

    private static final int WINDOW = 8;
    /** 20 s of client packets at 10 per second. */
    private static final int MAX_CLIENT_PACKETS = 200;

    @Test
    void mediaFollowsTheClientToItsNewPortOnceItsPacketsAuthenticateThere() throws Exception {
        try (RebindingRelay nat = new RebindingRelay(ports.udpAddress());
             TransportTestPeers peers = TransportTestPeers.startThrough(serverContext, clientContext, ports,
                     nat.clientSide())) {
            peers.awaitConnected();
            int clientSequence = exchange(peers, 1, 1, 20);
            assertEquals(nat.serverFacing(), peers.server.remoteAddress());

            nat.rebind();
            // The client's next consent check introduces the new port; its media then authenticates from there.
            exchange(peers, clientSequence, 21, 20);
            assertEquals(nat.serverFacing(), peers.server.remoteAddress(), "media goes to the new port");
        }
    }

    /**
     * Client to server, then server to client, {@code count} packets each way, each side waiting for the other's
     * packets to arrive; returns the client's next sequence number.
     */
    private static int exchange(TransportTestPeers peers, int clientSequence, int serverSequence, int count)
            throws InterruptedException {
        long serverReceived = peers.serverEvents.intactRtp.get();
        int next = clientSequence;
        // Paced, and on until enough arrived: after a rebind nothing arrives before the client's next check.
        for (int sent = 0; peers.serverEvents.intactRtp.get() < serverReceived + count / 2; sent++) {
            if (sent == MAX_CLIENT_PACKETS) {
                throw new AssertionError("client media stopped reaching the server");
            }
            peers.client.sendRtp(TestPackets.rtp(CLIENT_SSRC, next++, TransportTestPeers.PAYLOAD_LENGTH));
            Thread.sleep(100);
        }
        long clientReceived = peers.clientEvents.intactRtp.get();
        TransportTestPeers.sendRtp(peers.server, SERVER_SSRC, serverSequence, count,
                () -> peers.clientEvents.intactRtp.get() - clientReceived, WINDOW);
        return next;
    }
}
