package dev.switchyard.transport.dtls;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiPredicate;

import org.bouncycastle.tls.TlsTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.switchyard.buffer.PacketBuffer;
import dev.switchyard.transport.srtp.SrtpKeyingMaterial;
import dev.switchyard.transport.srtp.SrtpProfile;
import dev.switchyard.transport.srtp.SrtpSession;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DtlsSessionTest {

    private static final DtlsCertificate CLIENT_CERTIFICATE = DtlsCertificate.generate();
    private static final DtlsCertificate SERVER_CERTIFICATE = DtlsCertificate.generate();
    private static final List<SrtpProfile> GCM_FIRST =
            List.of(SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AES128_CM_HMAC_SHA1_80);

    private static final int CONTENT_TYPE_HANDSHAKE = 22;
    private static final int HANDSHAKE_CLIENT_HELLO = 1;

    private final ExecutorService handshakeThreads = Executors.newCachedThreadPool();
    private final List<Future<?>> handshakeTasks = new CopyOnWriteArrayList<>();
    private final Executor handshakeExecutor = task -> handshakeTasks.add(handshakeThreads.submit(task));
    private final List<DatagramLink> links = new ArrayList<>();

    @AfterEach
    void release() {
        links.forEach(DatagramLink::close);
        handshakeThreads.shutdownNow();
    }

    /** Both ends of one association, wired through two links. */
    private record Ends(DtlsSession client, RecordingListener clientEvents, DatagramLink toServer,
                        DtlsSession server, RecordingListener serverEvents, DatagramLink toClient) {
        void start(Executor executor) {
            server.start(executor);
            client.start(executor);
        }
    }

    /** Test set-up with working defaults; each test changes what it is about. */
    private final class Setup {
        List<SrtpProfile> clientProfiles = GCM_FIRST;
        List<SrtpProfile> serverProfiles = GCM_FIRST;
        CertificateFingerprint clientExpects = SERVER_CERTIFICATE.fingerprint();
        CertificateFingerprint serverExpects = CLIENT_CERTIFICATE.fingerprint();
        BiPredicate<Integer, byte[]> dropToServer = (index, datagram) -> false;
        BiPredicate<Integer, byte[]> dropToClient = (index, datagram) -> false;
        Duration timeout = Duration.ofSeconds(15);
        int clientSendLimit = DtlsSession.DEFAULT_SEND_LIMIT;

        Ends build() {
            DatagramLink toServer = link(dropToServer);
            DatagramLink toClient = link(dropToClient);
            RecordingListener clientEvents = new RecordingListener();
            RecordingListener serverEvents = new RecordingListener();
            DtlsSession client = new DtlsSession(DtlsRole.CLIENT, CLIENT_CERTIFICATE, clientExpects, clientProfiles,
                    timeout, toServer, clientEvents, clientSendLimit);
            DtlsSession server = new DtlsSession(DtlsRole.SERVER, SERVER_CERTIFICATE, serverExpects, serverProfiles,
                    timeout, toClient, serverEvents);
            toServer.connectTo(server);
            toClient.connectTo(client);
            return new Ends(client, clientEvents, toServer, server, serverEvents, toClient);
        }

        Ends start() {
            Ends ends = build();
            ends.start(handshakeExecutor);
            return ends;
        }
    }

    private DatagramLink link(BiPredicate<Integer, byte[]> drop) {
        DatagramLink link = new DatagramLink(drop);
        links.add(link);
        return link;
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void serverChoosesItsPreferredProfileAndBothSidesDeriveMatchingKeys(SrtpProfile preferred) throws Exception {
        Setup setup = new Setup();
        setup.serverProfiles = preferredFirst(preferred);
        List<SrtpProfile> clientProfiles = new ArrayList<>(setup.serverProfiles);
        Collections.reverse(clientProfiles);
        setup.clientProfiles = clientProfiles;
        Ends ends = setup.start();

        SrtpKeyingMaterial clientKeys = ends.clientEvents().awaitKeys();
        SrtpKeyingMaterial serverKeys = ends.serverEvents().awaitKeys();
        assertEquals(preferred, clientKeys.profile());
        assertEquals(preferred, serverKeys.profile());
        assertArrayEquals(clientKeys.localKey(), serverKeys.remoteKey());
        assertArrayEquals(clientKeys.localSalt(), serverKeys.remoteSalt());
        assertArrayEquals(clientKeys.remoteKey(), serverKeys.localKey());
        assertArrayEquals(clientKeys.remoteSalt(), serverKeys.localSalt());
        assertFalse(Arrays.equals(clientKeys.localKey(), clientKeys.remoteKey()));
        assertTrue(ends.client().isEstablished());
        assertTrue(ends.server().isEstablished());
        awaitHandshakeThreadsReleased();

        SrtpSession clientSrtp = new SrtpSession(clientKeys);
        SrtpSession serverSrtp = new SrtpSession(serverKeys);
        byte[] rtp = rtpPacket(0x11223344, 4711);
        PacketBuffer packet = PacketBuffer.allocate();
        packet.copyFrom(rtp, 0, rtp.length);
        assertTrue(clientSrtp.protectRtp(packet));
        assertTrue(serverSrtp.unprotectRtp(packet));
        assertArrayEquals(rtp, contents(packet));

        byte[] rtcp = rtcpReceiverReport(0x55667788);
        packet.copyFrom(rtcp, 0, rtcp.length);
        assertTrue(serverSrtp.protectRtcp(packet));
        assertTrue(clientSrtp.unprotectRtcp(packet));
        assertArrayEquals(rtcp, contents(packet));
    }

    @ParameterizedTest
    @EnumSource(DtlsRole.class)
    void aPeerCertificateNotMatchingTheFingerprintFailsTheHandshake(DtlsRole checkingRole) throws Exception {
        CertificateFingerprint wrong = DtlsCertificate.generate().fingerprint();
        Setup setup = new Setup();
        if (checkingRole == DtlsRole.SERVER) {
            setup.serverExpects = wrong;
        } else {
            setup.clientExpects = wrong;
        }
        Ends ends = setup.start();
        RecordingListener checking = checkingRole == DtlsRole.SERVER ? ends.serverEvents() : ends.clientEvents();
        RecordingListener other = checkingRole == DtlsRole.SERVER ? ends.clientEvents() : ends.serverEvents();
        DtlsCertificate presented = checkingRole == DtlsRole.SERVER ? CLIENT_CERTIFICATE : SERVER_CERTIFICATE;

        String message = checking.awaitFailure().getMessage();
        assertTrue(message.contains("fingerprint mismatch"), message);
        assertTrue(message.contains("expected " + wrong.toSdpValue()), message);
        assertTrue(message.contains("actual " + presented.fingerprint().toSdpValue()), message);
        other.awaitFailure();
        awaitHandshakeThreadsReleased();
        assertFalse(checking.keys.isDone());
        assertFalse(other.keys.isDone());
        assertFalse(ends.client().isEstablished());
        assertFalse(ends.server().isEstablished());
    }

    @Test
    void noCommonSrtpProfileFailsBothSides() throws Exception {
        Setup setup = new Setup();
        setup.clientProfiles = List.of(SrtpProfile.AES128_CM_HMAC_SHA1_80);
        setup.serverProfiles = List.of(SrtpProfile.AEAD_AES_128_GCM);
        Ends ends = setup.start();
        String message = ends.serverEvents().awaitFailure().getMessage();
        assertTrue(message.contains("no common SRTP protection profile"), message);
        ends.clientEvents().awaitFailure();
        assertFalse(ends.clientEvents().keys.isDone());
    }

    @Test
    void firstFlightsLostOnceAreRetransmitted() throws Exception {
        Setup setup = new Setup();
        setup.dropToServer = (index, datagram) -> index == 0;
        setup.dropToClient = (index, datagram) -> index == 0;
        Ends ends = setup.start();
        assertEquals(ends.clientEvents().awaitKeys().profile(), ends.serverEvents().awaitKeys().profile());
    }

    /** Data channels ride on DTLS application data (RFC 8261): each record reaches the other end's listener. */
    @Test
    void applicationDataGoesBothWaysOnceEstablished() throws Exception {
        Ends ends = new Setup().start();
        ends.serverEvents().awaitKeys();
        ends.clientEvents().awaitKeys();
        byte[] fromClient = {1, 2, 3};
        byte[] fromServer = new byte[ends.server().applicationDataLimit()];
        Arrays.fill(fromServer, (byte) 7);
        assertTrue(ends.client().sendApplicationData(fromClient, 0, fromClient.length));
        assertTrue(ends.server().sendApplicationData(fromServer, 0, fromServer.length));
        assertArrayEquals(fromClient, ends.serverEvents().awaitApplicationData());
        assertArrayEquals(fromServer, ends.clientEvents().awaitApplicationData());
        assertTrue(fromServer.length > 1100, "one SCTP packet of about 1,100 bytes fits: " + fromServer.length);
        assertFalse(ends.server().sendApplicationData(new byte[fromServer.length + 1], 0, fromServer.length + 1),
                "larger than one record");
    }

    @Test
    void applicationDataIsRefusedBeforeTheHandshake() {
        Ends ends = new Setup().build();
        assertFalse(ends.client().sendApplicationData(new byte[1], 0, 1));
        assertEquals(0, ends.client().applicationDataLimit());
    }

    /** Chromium's ClientHello spans two datagrams; a small send limit makes ours do the same. */
    @Test
    void aClientHelloFragmentedAcrossDatagramsIsReassembled() throws Exception {
        Setup setup = new Setup();
        setup.clientSendLimit = 120;
        Ends ends = setup.start();
        ends.serverEvents().awaitKeys();
        ends.clientEvents().awaitKeys();
        assertTrue(ends.toServer().sent().stream().allMatch(datagram -> datagram.length <= 120));
        assertTrue(ends.toServer().sent().stream().anyMatch(DtlsSessionTest::isLaterClientHelloFragment),
                "the ClientHello was sent in fragments");
    }

    /**
     * The server's final flight is lost: the client retransmits its own, and the server, whose handshake
     * thread has already returned, answers from {@link DtlsSession#receive} on the delivering thread.
     */
    @Test
    void aLostFinalFlightIsAnsweredWithoutAHandshakeThread() throws Exception {
        AtomicBoolean droppedFinished = new AtomicBoolean();
        Setup setup = new Setup();
        setup.dropToClient = (index, datagram) -> epoch(datagram) == 1 && droppedFinished.compareAndSet(false, true);
        Ends ends = setup.start();
        ends.serverEvents().awaitKeys();
        ends.clientEvents().awaitKeys();
        assertTrue(droppedFinished.get());
        long serverFinishedRecords = ends.toClient().sent().stream().filter(datagram -> epoch(datagram) == 1).count();
        assertTrue(serverFinishedRecords >= 2, "server retransmitted its Finished: " + serverFinishedRecords);
        awaitHandshakeThreadsReleased();
    }

    @ParameterizedTest
    @EnumSource(DtlsRole.class)
    void aPeerThatNeverAnswersTimesTheHandshakeOut(DtlsRole role) throws Exception {
        Setup setup = new Setup();
        setup.timeout = Duration.ofMillis(1500);
        setup.dropToServer = (index, datagram) -> true;
        setup.dropToClient = (index, datagram) -> true;
        Ends ends = setup.build();
        RecordingListener events;
        if (role == DtlsRole.CLIENT) {
            ends.client().start(handshakeExecutor);
            events = ends.clientEvents();
        } else {
            ends.server().start(handshakeExecutor);
            events = ends.serverEvents();
        }
        Exception failure = events.awaitFailure();
        assertInstanceOf(TlsTimeoutException.class, failure);
        assertTrue(failure.getMessage().contains("did not complete within PT1.5S"), failure.getMessage());
        assertFalse(events.keys.isDone());
    }

    @ParameterizedTest
    @EnumSource(DtlsRole.class)
    void closeSendsCloseNotifyToThePeer(DtlsRole closingRole) throws Exception {
        Ends ends = new Setup().start();
        ends.clientEvents().awaitKeys();
        ends.serverEvents().awaitKeys();
        DtlsSession closing = closingRole == DtlsRole.CLIENT ? ends.client() : ends.server();
        RecordingListener closingEvents = closingRole == DtlsRole.CLIENT ? ends.clientEvents() : ends.serverEvents();
        RecordingListener peerEvents = closingRole == DtlsRole.CLIENT ? ends.serverEvents() : ends.clientEvents();

        closing.close();
        closingEvents.awaitClosed();
        peerEvents.awaitClosed();
        assertFalse(ends.client().isEstablished());
        assertFalse(ends.server().isEstablished());
    }

    @Test
    void closingDuringTheHandshakeReportsClosedAndNoFailure() throws Exception {
        Setup setup = new Setup();
        setup.dropToServer = (index, datagram) -> true;
        Ends ends = setup.build();
        ends.client().start(handshakeExecutor);
        ends.client().close();
        ends.clientEvents().awaitClosed();
        awaitHandshakeThreadsReleased();
        assertFalse(ends.clientEvents().failure.isDone());
        assertFalse(ends.clientEvents().keys.isDone());
    }

    /**
     * Garbage never escapes as an exception nor breaks the association: unstructured bytes, and records the
     * peer cannot take for genuine ones (epoch 1 fails authentication; after the handshake epoch 0 is only read
     * for handshake retransmissions). Forged epoch-0 handshake records are not sent: epoch 0 is unauthenticated
     * in DTLS 1.2 and Bouncy Castle rightly acts on them (replay window, decode errors).
     */
    @Test
    void garbageBeforeAndAfterTheHandshakeIsIgnored() throws Exception {
        Random random = new Random(42);
        Ends ends = new Setup().build();
        for (int i = 0; i < 50; i++) {
            injectBothWays(ends, unstructured(random));
            injectBothWays(ends, forgedRecord(random, 1, 20 + random.nextInt(4)));
        }
        ends.start(handshakeExecutor);
        ends.clientEvents().awaitKeys();
        ends.serverEvents().awaitKeys();

        for (int i = 0; i < 300; i++) {
            injectBothWays(ends, unstructured(random));
            injectBothWays(ends, forgedRecord(random, 1, 20 + random.nextInt(4)));
            injectBothWays(ends, forgedRecord(random, 0, List.of(20, 21, 23).get(random.nextInt(3))));
        }
        ends.server().receive(new byte[0], 0, 0);
        awaitDelivered(ends);
        assertTrue(ends.client().isEstablished());
        assertTrue(ends.server().isEstablished());

        ends.client().close();
        ends.serverEvents().awaitClosed();
    }

    private void awaitHandshakeThreadsReleased() throws Exception {
        for (Future<?> task : handshakeTasks) {
            task.get(20, TimeUnit.SECONDS);
        }
    }

    private static List<SrtpProfile> preferredFirst(SrtpProfile preferred) {
        List<SrtpProfile> profiles = new ArrayList<>(List.of(preferred));
        for (SrtpProfile profile : SrtpProfile.values()) {
            if (profile != preferred) {
                profiles.add(profile);
            }
        }
        return List.copyOf(profiles);
    }

    private static void injectBothWays(Ends ends, byte[] datagram) {
        ends.toServer().inject(datagram);
        ends.toClient().inject(datagram.clone());
    }

    private static void awaitDelivered(Ends ends) throws Exception {
        ends.toServer().flush();
        ends.toClient().flush();
    }

    /** Random bytes whose first byte says DTLS (RFC 7983: 20–63). */
    private static byte[] unstructured(Random random) {
        byte[] datagram = new byte[1 + random.nextInt(200)];
        random.nextBytes(datagram);
        datagram[0] = (byte) (20 + random.nextInt(44));
        return datagram;
    }

    /** A DTLS 1.2 record header (RFC 6347 §4.1) of that epoch and content type, with a random body. */
    private static byte[] forgedRecord(Random random, int epoch, int contentType) {
        byte[] datagram = new byte[13 + random.nextInt(200)];
        random.nextBytes(datagram);
        datagram[0] = (byte) contentType;
        datagram[1] = (byte) 0xFE;
        datagram[2] = (byte) 0xFD;
        datagram[3] = 0;
        datagram[4] = (byte) epoch;
        int length = datagram.length - 13;
        datagram[11] = (byte) (length >>> 8);
        datagram[12] = (byte) length;
        return datagram;
    }

    private static int epoch(byte[] datagram) {
        return datagram.length >= 13 ? ((datagram[3] & 0xFF) << 8) | (datagram[4] & 0xFF) : -1;
    }

    /** RFC 6347 §4.2.2: a ClientHello handshake fragment with a non-zero fragment_offset. */
    private static boolean isLaterClientHelloFragment(byte[] datagram) {
        if (datagram.length < 13 + 12 || datagram[0] != CONTENT_TYPE_HANDSHAKE
                || datagram[13] != HANDSHAKE_CLIENT_HELLO) {
            return false;
        }
        int fragmentOffset = ((datagram[19] & 0xFF) << 16) | ((datagram[20] & 0xFF) << 8) | (datagram[21] & 0xFF);
        return fragmentOffset > 0;
    }

    private static byte[] rtpPacket(int ssrc, int sequenceNumber) {
        byte[] packet = new byte[12 + 40];
        packet[0] = (byte) 0x80;
        packet[1] = 111;
        packet[2] = (byte) (sequenceNumber >>> 8);
        packet[3] = (byte) sequenceNumber;
        writeInt(packet, 8, ssrc);
        for (int i = 12; i < packet.length; i++) {
            packet[i] = (byte) i;
        }
        return packet;
    }

    private static byte[] rtcpReceiverReport(int senderSsrc) {
        byte[] packet = new byte[8];
        packet[0] = (byte) 0x80; // V=2, no report blocks
        packet[1] = (byte) 201;
        packet[3] = 1;
        writeInt(packet, 4, senderSsrc);
        return packet;
    }

    private static void writeInt(byte[] buffer, int offset, int value) {
        buffer[offset] = (byte) (value >>> 24);
        buffer[offset + 1] = (byte) (value >>> 16);
        buffer[offset + 2] = (byte) (value >>> 8);
        buffer[offset + 3] = (byte) value;
    }

    private static byte[] contents(PacketBuffer packet) {
        return Arrays.copyOfRange(packet.buffer(), packet.offset(), packet.offset() + packet.length());
    }
}
