package dev.switchyard.transport;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.switchyard.transport.ice.IceParameters;

import static dev.switchyard.transport.TransportTestPeers.CLIENT_SSRC;
import static dev.switchyard.transport.TransportTestPeers.SERVER_SSRC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IceRestartAndConsentTest extends LoopbackTransportTest {

    @Test
    void iceRestartMidStreamKeepsDtlsAndSrtpFlowing() throws Exception {
        try (TransportTestPeers peers = TransportTestPeers.connect(serverContext, clientContext, ports)) {
            var serverSrtp = peers.server.srtpSession();
            var clientSrtp = peers.client.srtpSession();
            IceParameters serverIceBefore = peers.server.activeIceParameters();
            IceParameters clientIceBefore = peers.client.activeIceParameters();
            var clientAddressBefore = peers.server.remoteAddress();
            int next = TransportTestPeers.sendRtp(peers.client, CLIENT_SSRC, 0, 500,
                    peers.serverEvents.intactRtp::get, 64);

            // The client offers new credentials, the server answers with its own: both sides restart.
            TransportDescription clientOffer = peers.client.beginIceRestart();
            TransportDescription serverAnswer = peers.server.beginIceRestart();
            peers.server.completeIceRestart(clientOffer.ice(), clientOffer.candidates());
            peers.client.completeIceRestart(serverAnswer.ice(), serverAnswer.candidates());
            // Media keeps flowing while the new pair is established and after it took over.
            while (peers.client.activeIceParameters().equals(clientIceBefore)
                    || peers.server.activeIceParameters().equals(serverIceBefore)) {
                next = TransportTestPeers.sendRtp(peers.client, CLIENT_SSRC, next, 10,
                        peers.serverEvents.intactRtp::get, 64);
                Thread.sleep(5);
            }
            next = TransportTestPeers.sendRtp(peers.client, CLIENT_SSRC, next, 500,
                    peers.serverEvents.intactRtp::get, 64);
            TransportTestPeers.sendRtp(peers.server, SERVER_SSRC, 0, 500, peers.clientEvents.intactRtp::get, 64);

            TransportTestPeers.awaitCount(peers.serverEvents.intactRtp::get, next, "RTP at server across restart");
            TransportTestPeers.awaitCount(peers.clientEvents.intactRtp::get, 500, "RTP at client after restart");
            assertNotEquals(serverIceBefore, peers.server.activeIceParameters());
            assertNotEquals(clientAddressBefore, peers.server.remoteAddress(), "client moved to a new port");
            assertSame(serverSrtp, peers.server.srtpSession(), "same SRTP session: DTLS was not redone");
            assertSame(clientSrtp, peers.client.srtpSession());
            assertEquals(0, peers.serverEvents.corruptRtp.get());
            assertTrue(peers.server.isConnected() && peers.client.isConnected());
        }
    }

    @Test
    void aClientThatGoesSilentIsDetectedByConsentFreshnessAndItsTransportFreed() throws Exception {
        try (TransportTestPeers silent = TransportTestPeers.connect(serverContext, clientContext, ports);
             TransportTestPeers healthy = TransportTestPeers.connect(serverContext, clientContext, ports)) {
            // The client's ICE agent and socket vanish without a DTLS close_notify, as when a laptop lid closes.
            silent.client.activeIceConnection().close();

            String reason = silent.serverEvents.closed.get(20, TimeUnit.SECONDS);
            assertTrue(reason.contains("consent"), reason);
            assertTrue(silent.server.isClosed());
            assertFalse(silent.server.activeIceConnection().isConnected(), "server ICE agent freed");

            // The healthy pair, connected for longer than the consent timeout by now, still carries media.
            assertFalse(healthy.server.isClosed(), "healthy transport kept");
            TransportTestPeers.sendRtp(healthy.client, CLIENT_SSRC, 0, 100, healthy.serverEvents.intactRtp::get, 64);
            TransportTestPeers.awaitCount(healthy.serverEvents.intactRtp::get, 100, "RTP on the healthy transport");
        }
    }
}
