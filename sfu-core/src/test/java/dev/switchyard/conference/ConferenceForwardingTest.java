package dev.switchyard.conference;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchyard.buffer.PacketBuffer;
import dev.switchyard.media.ForwardingLanes;
import dev.switchyard.media.RtcpCounters;
import dev.switchyard.rtcp.ExtendedReport;
import dev.switchyard.rtcp.GenericNack;
import dev.switchyard.rtcp.PictureLossIndication;
import dev.switchyard.rtcp.ReceiverReport;
import dev.switchyard.rtcp.Remb;
import dev.switchyard.rtcp.ReportBlockView;
import dev.switchyard.rtcp.RtcpCompoundIterator;
import dev.switchyard.rtcp.RtcpPacketType;
import dev.switchyard.rtcp.SenderReport;
import dev.switchyard.rtp.RtpPacket;
import dev.switchyard.rtp.RtpPacketWriter;
import dev.switchyard.sdp.Attributes;
import dev.switchyard.sdp.ConnectionData;
import dev.switchyard.sdp.Direction;
import dev.switchyard.sdp.Group;
import dev.switchyard.sdp.MediaDescription;
import dev.switchyard.sdp.Origin;
import dev.switchyard.sdp.RtpMap;
import dev.switchyard.sdp.SessionDescription;
import dev.switchyard.sdp.Setup;
import dev.switchyard.sdp.Ssrc;
import dev.switchyard.transport.TransportContext;
import dev.switchyard.transport.TransportDescription;
import dev.switchyard.transport.WebRtcTransport;
import dev.switchyard.transport.dtls.DtlsRole;
import dev.switchyard.transport.ice.ServerIcePorts;
import dev.switchyard.transport.ice.TestIceSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two participants driven by Java client transports: one publishes VP8, the other subscribes and receives it. */
class ConferenceForwardingTest {

    private static final long PUBLISHER_SSRC = 0x1234_5678L;
    private static ServerIcePorts ports;
    private static TransportContext serverContext;
    private static TransportContext clientContext;

    @BeforeAll
    static void start() throws Exception {
        ports = ServerIcePorts.bind(TestIceSettings.SETTINGS, InetAddress.getLoopbackAddress(), 0, -1, null);
        serverContext = new TransportContext(TransportContext.Settings.DEFAULTS.withIce(TestIceSettings.SETTINGS));
        clientContext = new TransportContext(TransportContext.Settings.DEFAULTS.withIce(TestIceSettings.SETTINGS));
    }

    @AfterAll
    static void stop() {
        clientContext.close();
        serverContext.close();
        ports.close();
    }

    @Test
    void aSubscriberReceivesThePublishersVideoFromItsFirstKeyframeWithItsOwnSsrcAndContinuousNumbering()
            throws Exception {
        try (RoomManager roomManager = new RoomManager(serverContext, ports)) {
            RecordingParticipantListener aliceEvents = new RecordingParticipantListener();
            RecordingParticipantListener bobEvents = new RecordingParticipantListener();
            Participant alice = roomManager.join("room", "Alice", aliceEvents);
            Participant bob = roomManager.join("room", "Bob", bobEvents);
            assertEquals("Bob", aliceEvents.joined.poll(5, TimeUnit.SECONDS).name());

            // Alice publishes one VP8 track from a Java client transport.
            ClientSide alicePublisher = new ClientSide();
            PublishedTracks published = alice.publish(alicePublisher.vp8Offer(), Map.of("0", TrackSource.CAMERA));
            assertEquals(1, published.tracks().size());
            TrackInfo track = published.tracks().get(0);
            assertEquals(track, bobEvents.published.poll(5, TimeUnit.SECONDS));
            alicePublisher.connectWithAnswer(published.answerSdp());

            // Bob subscribes; the server offers, Bob's client answers.
            bob.subscribe(List.of(track.trackId()));
            RecordingParticipantListener.Offer offer = bobEvents.offers.poll(5, TimeUnit.SECONDS);
            assertNotNull(offer);
            assertEquals(track.trackId(), offer.tracks().get(0).track().trackId());
            ClientSide bobSubscriber = new ClientSide();
            bob.acceptSubscriberAnswer(bobSubscriber.answer(offer.sdp()));
            alicePublisher.awaitConnected();
            bobSubscriber.awaitConnected();

            // Delta frames first: they must not reach Bob before a keyframe does.
            int sequence = 1000;
            for (int i = 0; i < 20; i++) {
                alicePublisher.sendVp8(sequence++, false);
            }
            // Keyframes until one reaches Bob: the clients' side of DTLS may finish before the server's, and
            // what the server forwards before its side is up is not sent.
            RtpPacket first = null;
            while (first == null) {
                alicePublisher.sendVp8(sequence++, true);
                first = bobSubscriber.pollRtp(100);
            }
            assertTrue(ClientSide.isVp8Keyframe(first), "the first forwarded packet starts a keyframe");
            for (int i = 0; i < 100; i++) {
                alicePublisher.sendVp8(sequence++, false);
            }
            long outputSsrc = first.ssrc();
            assertNotEquals(PUBLISHER_SSRC, outputSsrc, "the subscriber sees its own SSRC");
            int previous = first.sequenceNumber();
            for (int i = 1; i < 100; i++) {
                RtpPacket next = bobSubscriber.nextRtp();
                assertEquals(outputSsrc, next.ssrc());
                assertEquals((previous + 1) & 0xFFFF, next.sequenceNumber(), "continuous sequence numbers");
                previous = next.sequenceNumber();
            }

            // Alice leaves: Bob hears it first, then that her track is gone, then gets an offer in which his
            // subscription's m-line is inactive (the order docs/PROTOCOL.md shows).
            int eventsBefore = bobEvents.order.size();
            alice.leave();
            assertEquals(alice.id(), bobEvents.left.poll(5, TimeUnit.SECONDS));
            assertEquals(track.trackId(), bobEvents.unpublished.poll(5, TimeUnit.SECONDS).trackId());
            RecordingParticipantListener.Offer afterLeave = bobEvents.offers.poll(5, TimeUnit.SECONDS);
            assertNotNull(afterLeave);
            assertTrue(afterLeave.sdp().contains("a=inactive"), afterLeave.sdp());
            assertTrue(afterLeave.tracks().isEmpty());
            assertEquals(List.of("left " + alice.id(), "unpublished " + track.trackId(), "offer"),
                    List.copyOf(bobEvents.order.subList(eventsBefore, bobEvents.order.size())));
            bob.leave();
            assertEquals(0, roomManager.roomCount(), "rooms are dropped when empty");
            alicePublisher.close();
            bobSubscriber.close();
        }
    }

    @Test
    void aRoomsMediaCrossesBothWorkersAndASinkThatThrowsLosesOnlyItsPacket() throws Exception {
        try (ServerIcePorts twoWorkers = ServerIcePorts.bind(TestIceSettings.SETTINGS,
                InetAddress.getLoopbackAddress(), 0, -1, null, 2);
             RoomManager roomManager = new RoomManager(serverContext, twoWorkers)) {
            Participant alice = roomManager.join("lanes", "Alice", new RecordingParticipantListener());
            RecordingParticipantListener bobEvents = new RecordingParticipantListener();
            RecordingParticipantListener carolEvents = new RecordingParticipantListener();
            Participant bob = roomManager.join("lanes", "Bob", bobEvents);
            Participant carol = roomManager.join("lanes", "Carol", carolEvents);
            ClientSide alicePublisher = new ClientSide();
            PublishedTracks published = alice.publish(alicePublisher.vp8Offer(), Map.of("0", TrackSource.CAMERA));
            TrackInfo track = published.tracks().get(0);
            ClientSide bobSubscriber = subscribe(bob, bobEvents, track);
            ClientSide carolSubscriber = subscribe(carol, carolEvents, track);
            alicePublisher.connectWithAnswer(published.answerSdp());
            alicePublisher.awaitConnected();
            bobSubscriber.awaitConnected();
            carolSubscriber.awaitConnected();
            // Subscriber connections take the lanes in turn: Alice's 0, Bob's 1, Carol's 0.
            // The clients' side of DTLS may finish before the server's: keyframes until both streams started.
            int sequence = 1000;
            for (ClientSide subscriber : List.of(bobSubscriber, carolSubscriber)) {
                while (subscriber.pollRtp(100) == null) {
                    alicePublisher.sendVp8(sequence++, true);
                }
            }
            alicePublisher.sendVp8(sequence++, true);
            bobSubscriber.drainRtp();
            carolSubscriber.drainRtp();
            ForwardingLanes lanes = twoWorkers.forwardingLanes();
            alice.room().track(track.trackId()).addSink(packet -> {
                if (packet.rtp().sequenceNumber() % 10 == 0) {
                    throw new IllegalStateException("a stage failed on this packet");
                }
            }, lanes.get(1));
            long handedOffBefore = lanes.get(0).handedOff() + lanes.get(1).handedOff();

            for (int i = 0; i < 100; i++) {
                alicePublisher.sendVp8(2000 + i, false);
            }
            for (ClientSide subscriber : List.of(bobSubscriber, carolSubscriber)) {
                int previous = subscriber.nextRtp().sequenceNumber();
                for (int i = 1; i < 100; i++) {
                    int next = subscriber.nextRtp().sequenceNumber();
                    assertEquals((previous + 1) & 0xFFFF, next, "every packet, in order");
                    previous = next;
                }
            }
            assertEquals(10, alice.room().track(track.trackId()).sinkFailures(), "the failing packets, counted");
            assertTrue(lanes.get(0).handedOff() + lanes.get(1).handedOff() - handedOffBefore >= 100,
                    "packets crossed from the publisher's worker to the other one");
            alicePublisher.close();
            bobSubscriber.close();
            carolSubscriber.close();
        }
    }

    @Test
    void publishingAndUnpublishingOverAndOverReusesTheSubscribersLines() throws Exception {
        try (RoomManager roomManager = new RoomManager(serverContext, ports)) {
            RecordingParticipantListener bobEvents = new RecordingParticipantListener();
            Participant alice = roomManager.join("toggles", "Alice", new RecordingParticipantListener());
            Participant bob = roomManager.join("toggles", "Bob", bobEvents);
            ClientSide alicePublisher = new ClientSide();
            ClientSide bobSubscriber = new ClientSide();
            String sending = alicePublisher.vp8Offer();
            String stopped = sending.replace("a=sendonly", "a=inactive");
            int mediaLines = 0;
            // The finding: 817 toggles grew every subscriber's offer past the server's own message limit.
            for (int toggle = 0; toggle < 1000; toggle++) {
                PublishedTracks published = alice.publish(sending, Map.of("0", TrackSource.CAMERA));
                if (toggle == 0) {
                    // Connected, so that no connection reaches its connect deadline during the loop.
                    alicePublisher.connectWithAnswer(published.answerSdp());
                }
                TrackInfo track = published.tracks().get(0);
                bob.subscribe(List.of(track.trackId()));
                answerEveryOffer(bob, bobEvents, bobSubscriber);
                alice.publish(stopped, Map.of());
                answerEveryOffer(bob, bobEvents, bobSubscriber);
                mediaLines = Math.max(mediaLines, bobEvents.lastOfferMediaLines);
            }
            assertEquals(1, mediaLines, "one m-line carries every subscription in turn");
        }
    }

    @Test
    void aSubscriberAnswerThatChangesIceCredentialsIsRefusedAndTheOfferStaysOpen() throws Exception {
        try (RoomManager roomManager = new RoomManager(serverContext, ports)) {
            RecordingParticipantListener bobEvents = new RecordingParticipantListener();
            Participant alice = roomManager.join("ice-change", "Alice", new RecordingParticipantListener());
            Participant bob = roomManager.join("ice-change", "Bob", bobEvents);
            ClientSide alicePublisher = new ClientSide();
            ClientSide bobSubscriber = new ClientSide();
            TrackInfo track = alice.publish(alicePublisher.vp8Offer(), Map.of("0", TrackSource.CAMERA))
                    .tracks().get(0);
            bob.subscribe(List.of(track.trackId()));
            answerEveryOffer(bob, bobEvents, bobSubscriber);

            alice.publish(alicePublisher.vp8Offer().replace("a=sendonly", "a=inactive"), Map.of());
            RecordingParticipantListener.Offer next = bobEvents.offers.poll(5, TimeUnit.SECONDS);
            assertNotNull(next, "the unpublish renegotiates bob's subscriber connection");
            String answer = bobSubscriber.answer(next.sdp());
            String changed = answer.replaceFirst("a=ice-ufrag:([^\\r\\n]+)", "a=ice-ufrag:changed$1");
            NegotiationException refused = assertThrows(NegotiationException.class,
                    () -> bob.acceptSubscriberAnswer(changed));
            assertTrue(refused.getMessage().contains("changes the ICE credentials"), refused.getMessage());
            // Nothing changed: the same offer still waits, and its proper answer is taken.
            bob.acceptSubscriberAnswer(answer);
        }
    }

    @Test
    void anIceRestartAskedForWhileAnOfferAwaitsItsAnswerComesWithTheNextOffer() throws Exception {
        try (RoomManager roomManager = new RoomManager(serverContext, ports)) {
            RecordingParticipantListener bobEvents = new RecordingParticipantListener();
            Participant alice = roomManager.join("restart-queued", "Alice", new RecordingParticipantListener());
            Participant bob = roomManager.join("restart-queued", "Bob", bobEvents);
            ClientSide alicePublisher = new ClientSide();
            ClientSide bobSubscriber = new ClientSide();
            TrackInfo track = alice.publish(alicePublisher.vp8Offer(), Map.of("0", TrackSource.CAMERA))
                    .tracks().get(0);
            bob.subscribe(List.of(track.trackId()));
            RecordingParticipantListener.Offer first = bobEvents.offers.poll(5, TimeUnit.SECONDS);
            bob.acceptSubscriberAnswer(bobSubscriber.answer(first.sdp()));

            alice.publish(alicePublisher.vp8Offer().replace("a=sendonly", "a=inactive"), Map.of());
            RecordingParticipantListener.Offer pending = bobEvents.offers.poll(5, TimeUnit.SECONDS);
            assertNotNull(pending, "the unpublish renegotiates bob's subscriber connection");
            bob.restartSubscriberIce();
            assertEquals(null, bobEvents.offers.poll(200, TimeUnit.MILLISECONDS), "one offer at a time");
            bob.acceptSubscriberAnswer(bobSubscriber.answer(pending.sdp()));

            RecordingParticipantListener.Offer restart = bobEvents.offers.poll(5, TimeUnit.SECONDS);
            assertNotNull(restart, "the restart follows the answer");
            assertNotEquals(iceUfrag(pending.sdp()), iceUfrag(restart.sdp()), "new ICE credentials");
            bobSubscriber.close();
            alicePublisher.close();
        }
    }

    private static String iceUfrag(String sdp) throws Exception {
        return SdpTransportMapping.remoteTransport(SessionDescription.parse(sdp)).ice().usernameFragment();
    }

    /**
     * Answers the offers made so far and those the answers lead to. The server makes its offers on the thread
     * whose request causes them, so they are all queued by the time the request returns.
     */
    private static void answerEveryOffer(Participant subscriber, RecordingParticipantListener events,
                                         ClientSide client) throws Exception {
        RecordingParticipantListener.Offer offer;
        while ((offer = events.offers.poll()) != null) {
            events.lastOfferMediaLines = SessionDescription.parse(offer.sdp()).media().size();
            subscriber.acceptSubscriberAnswer(client.answer(offer.sdp()));
        }
    }

    private static ClientSide subscribe(Participant subscriber, RecordingParticipantListener events, TrackInfo track)
            throws Exception {
        subscriber.subscribe(List.of(track.trackId()));
        RecordingParticipantListener.Offer offer = events.offers.poll(5, TimeUnit.SECONDS);
        assertNotNull(offer);
        ClientSide client = new ClientSide();
        subscriber.acceptSubscriberAnswer(client.answer(offer.sdp()));
        return client;
    }

    @Test
    void aSubscribersNackIsAnsweredWithRtxFromTheHistory() throws Exception {
        try (RoomManager roomManager = new RoomManager(serverContext, ports)) {
            PublisherAndSubscriber call = PublisherAndSubscriber.connect(roomManager, "nack", true);
            assertTrue(call.subscriberOffer().contains("a=rtpmap:97 rtx/90000"), call.subscriberOffer());
            ClientSide alicePublisher = call.publisher();
            ClientSide bobSubscriber = call.subscriber();
            int sequence = 3000;
            while (bobSubscriber.pollRtp(100) == null) {
                alicePublisher.sendVp8(sequence++, true);
            }
            for (int i = 0; i < 10; i++) {
                alicePublisher.sendVp8(sequence++, false);
            }
            RtpPacket wanted = null;
            for (RtpPacket next = bobSubscriber.pollRtp(500); next != null; next = bobSubscriber.pollRtp(200)) {
                wanted = next;
            }
            assertNotNull(wanted);

            bobSubscriber.sendNack(wanted.ssrc(), wanted.sequenceNumber());
            RtpPacket rtx = bobSubscriber.nextRtp();
            assertEquals(97, rtx.payloadType());
            assertNotEquals(wanted.ssrc(), rtx.ssrc(), "on the RTX SSRC of the FID group");
            byte[] bytes = rtx.buffer();
            int originalSequence = ((bytes[rtx.payloadOffset()] & 0xFF) << 8) | (bytes[rtx.payloadOffset() + 1] & 0xFF);
            assertEquals(wanted.sequenceNumber(), originalSequence);
            assertEquals(1, roomManager.retransmissions().requested());
            // Counted once the send returned, which may be after the client already has the packet.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (roomManager.retransmissions().retransmitted() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(1, roomManager.retransmissions().retransmitted());
            alicePublisher.close();
            bobSubscriber.close();
        }
    }

    @Test
    void aTrackMutedByTheServerIsNotForwardedUntilUnmutedWhichAsksForAKeyframe() throws Exception {
        try (RoomManager roomManager = new RoomManager(serverContext, ports)) {
            PublisherAndSubscriber call = PublisherAndSubscriber.connect(roomManager, "admin-mute", false);
            ClientSide alicePublisher = call.publisher();
            ClientSide bobSubscriber = call.subscriber();
            int sequence = 100;
            while (bobSubscriber.pollRtp(100) == null) {
                alicePublisher.sendVp8(sequence++, true);
            }
            assertTrue(roomManager.muteTrack("admin-mute", call.trackId(), true));
            while (bobSubscriber.pollRtp(200) != null) {
                // Packets forwarded before the mute.
            }
            for (int i = 0; i < 20; i++) {
                alicePublisher.sendVp8(sequence++, true);
            }
            assertNull(bobSubscriber.pollRtp(500), "nothing is forwarded while the server mutes the track");
            while (alicePublisher.pollRtcp(RtcpPacketType.PAYLOAD_FEEDBACK, PictureLossIndication.FORMAT, 200) != null) {
                // Keyframe requests from before the unmute.
            }

            assertTrue(roomManager.muteTrack("admin-mute", call.trackId(), false));
            assertNotNull(alicePublisher.pollRtcp(RtcpPacketType.PAYLOAD_FEEDBACK, PictureLossIndication.FORMAT, 5000),
                    "unmuting video asks its publisher for a keyframe");
            RtpPacket resumed = null;
            while (resumed == null) {
                alicePublisher.sendVp8(sequence++, true);
                resumed = bobSubscriber.pollRtp(100);
            }
            assertFalse(roomManager.muteTrack("admin-mute", "t-404", true), "no such track");
            assertFalse(roomManager.muteTrack("no-such-room", call.trackId(), true), "no such room");
            alicePublisher.close();
            bobSubscriber.close();
        }
    }

    @Test
    void publishersGetReceptionReportsAndSubscribersSenderReportsOnThePublishersClock() throws Exception {
        try (RoomManager roomManager = new RoomManager(serverContext, ports)) {
            PublisherAndSubscriber call = PublisherAndSubscriber.connect(roomManager, "reports", false);
            assertTrue(call.subscriberOffer().contains("cname:" + call.publisherId()),
                    "the publisher's CNAME: " + call.subscriberOffer());
            ClientSide alicePublisher = call.publisher();
            ClientSide bobSubscriber = call.subscriber();

            int sequence = 5000;
            RtpPacket first = null;
            while (first == null) {
                alicePublisher.sendVp8(sequence++, true);
                first = bobSubscriber.pollRtp(100);
            }
            // Only now is the server's side of Alice's DTLS surely done: an SR sent earlier could be dropped.
            alicePublisher.sendSenderReport(0xE000_0000_0000_0000L, sequence * 3000L);
            for (int i = 0; i < 15; i++) {
                // Paced: the server checks for an SR to follow every 100 ms of media.
                alicePublisher.sendVp8(sequence++, false);
                Thread.sleep(20);
            }

            RtcpCompoundIterator receiverReport = alicePublisher.nextRtcp(RtcpPacketType.RECEIVER_REPORT);
            ReceiverReport report = new ReceiverReport();
            assertTrue(report.wrap(receiverReport));
            ReportBlockView block = new ReportBlockView();
            assertTrue(report.reportBlock(0, block));
            assertEquals(PUBLISHER_SSRC, block.ssrc());
            // The same compound carries a reference time (RRTR) and caps the publisher's video with a REMB.
            Remb cap = new Remb();
            ExtendedReport extendedReport = new ExtendedReport();
            long referenceTime = 0;
            boolean capped = false;
            while (!capped && receiverReport.next()) {
                if (receiverReport.packetType() == RtcpPacketType.EXTENDED_REPORT
                        && extendedReport.wrap(receiverReport) && extendedReport.nextBlock()
                        && extendedReport.blockType() == ExtendedReport.RECEIVER_REFERENCE_TIME) {
                    referenceTime = extendedReport.referenceTime();
                }
                capped = receiverReport.packetType() == RtcpPacketType.PAYLOAD_FEEDBACK && cap.wrap(receiverReport);
            }
            assertNotEquals(0, referenceTime, "a reference time comes with the receiver report");
            assertTrue(capped, "a REMB follows the receiver report");
            assertEquals(1, cap.ssrcCount());
            assertEquals(PUBLISHER_SSRC, cap.ssrc(0));
            assertTrue(cap.bitrate() <= MediaSettings.DEFAULTS.maxVideoBitsPerSecond()
                    && cap.bitrate() > MediaSettings.DEFAULTS.maxVideoBitsPerSecond() * 0.99,
                    "REMB carries the per-track cap (rounded down by its mantissa): " + cap.bitrate());

            SenderReport senderReport = new SenderReport();
            assertTrue(senderReport.wrap(bobSubscriber.nextRtcp(RtcpPacketType.SENDER_REPORT)));
            assertEquals(first.ssrc(), senderReport.ssrc(), "about the subscriber's own stream");
            RtcpCounters sent = roomManager.rtcp();
            assertTrue(sent.receiverReports() >= 1 && sent.bitrateCaps() >= 1 && sent.senderReports() >= 1,
                    "the server counts what it sent");
            // Answered as browsers answer it, the reference time gives the server a round trip to the publisher.
            alicePublisher.sendDelaySinceLastReceiverReport(referenceTime >>> 16 & 0xFFFF_FFFFL, 0x100);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (sent.roundTrips() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(1, sent.roundTrips(), "one round trip measured");
            alicePublisher.close();
            bobSubscriber.close();
        }
    }

    @Test
    void aSubscriptionMadeWhileAnOfferAwaitsItsAnswerGoesIntoTheNextOffer() throws Exception {
        try (RoomManager roomManager = new RoomManager(serverContext, ports)) {
            TwoPublishersAndBob room = TwoPublishersAndBob.join(roomManager, "queue");
            Participant bob = room.bob();
            RecordingParticipantListener bobEvents = room.bobEvents();
            TrackInfo aliceTrack = room.alicePublished().tracks().get(0);
            TrackInfo carolTrack = room.carolPublished().tracks().get(0);

            bob.subscribe(List.of(aliceTrack.trackId()));
            bob.subscribe(List.of(carolTrack.trackId()));
            RecordingParticipantListener.Offer first = bobEvents.offers.poll(5, TimeUnit.SECONDS);
            assertEquals(1, first.tracks().size());
            assertEquals(null, bobEvents.offers.poll(200, TimeUnit.MILLISECONDS), "one offer at a time");

            ClientSide bobSubscriber = new ClientSide();
            bob.acceptSubscriberAnswer(bobSubscriber.answer(first.sdp()));
            RecordingParticipantListener.Offer second = bobEvents.offers.poll(5, TimeUnit.SECONDS);
            assertNotNull(second, "the held-back subscription is offered once the answer arrived");
            assertEquals(List.of(aliceTrack.trackId(), carolTrack.trackId()),
                    second.tracks().stream().map(t -> t.track().trackId()).toList());
            room.closeClients();
            bobSubscriber.close();
        }
    }

    @Test
    void aSubscriptionSendsNothingBeforeItsAnswerAndItsAnswerAsksThePublisherForAKeyframe() throws Exception {
        try (RoomManager roomManager = new RoomManager(serverContext, ports)) {
            TwoPublishersAndBob room = TwoPublishersAndBob.join(roomManager, "answer-first");
            Participant bob = room.bob();
            RecordingParticipantListener bobEvents = room.bobEvents();
            TrackInfo aliceTrack = room.alicePublished().tracks().get(0);
            PublishedTracks carolPublished = room.carolPublished();
            ClientSide carolPublisher = room.carolPublisher();
            carolPublisher.connectWithAnswer(carolPublished.answerSdp());
            carolPublisher.awaitConnected();
            // Bob's subscriber connection is up, receiving Alice, before he subscribes to Carol.
            bob.subscribe(List.of(aliceTrack.trackId()));
            ClientSide bobSubscriber = new ClientSide();
            bob.acceptSubscriberAnswer(bobSubscriber.answer(bobEvents.offers.poll(5, TimeUnit.SECONDS).sdp()));
            bobSubscriber.awaitConnected();

            bob.subscribe(List.of(carolPublished.tracks().get(0).trackId()));
            RecordingParticipantListener.Offer offer = bobEvents.offers.poll(5, TimeUnit.SECONDS);
            assertNotNull(offer);
            // Unanswered, Bob's browser would drop the stream: nothing is sent and no keyframe is asked for yet.
            int sequence = 1;
            for (int i = 0; i < 5; i++) {
                carolPublisher.sendVp8(sequence++, true);
            }
            assertEquals(null, bobSubscriber.pollRtp(300), "nothing forwarded before the answer");
            assertEquals(null, carolPublisher.pollRtcp(RtcpPacketType.PAYLOAD_FEEDBACK, PictureLossIndication.FORMAT,
                    300), "no keyframe request before the answer");

            bob.acceptSubscriberAnswer(bobSubscriber.answer(offer.sdp()));
            assertNotNull(carolPublisher.pollRtcp(RtcpPacketType.PAYLOAD_FEEDBACK, PictureLossIndication.FORMAT,
                    5000), "the answer asks Carol for a keyframe");
            assertTrue(roomManager.rtcp().keyframeRequests() >= 1, "and counts the request");
            carolPublisher.sendVp8(sequence, true);
            assertTrue(ClientSide.isVp8Keyframe(bobSubscriber.nextRtp()), "Bob starts with Carol's keyframe");
            room.closeClients();
            bobSubscriber.close();
        }
    }

    /** Alice and Carol have each published one VP8 track (their clients not connected yet); Bob subscribes. */
    private record TwoPublishersAndBob(Participant bob, RecordingParticipantListener bobEvents,
                                       ClientSide alicePublisher, PublishedTracks alicePublished,
                                       ClientSide carolPublisher, PublishedTracks carolPublished) {

        static TwoPublishersAndBob join(RoomManager roomManager, String room) throws Exception {
            Participant alice = roomManager.join(room, "Alice", new RecordingParticipantListener());
            Participant carol = roomManager.join(room, "Carol", new RecordingParticipantListener());
            RecordingParticipantListener bobEvents = new RecordingParticipantListener();
            Participant bob = roomManager.join(room, "Bob", bobEvents);
            ClientSide alicePublisher = new ClientSide();
            ClientSide carolPublisher = new ClientSide();
            return new TwoPublishersAndBob(bob, bobEvents,
                    alicePublisher, alice.publish(alicePublisher.vp8Offer(), Map.of("0", TrackSource.CAMERA)),
                    carolPublisher, carol.publish(carolPublisher.vp8Offer(), Map.of("0", TrackSource.CAMERA)));
        }

        void closeClients() {
            alicePublisher.close();
            carolPublisher.close();
        }
    }

    /**
     * Alice publishes one VP8 track and Bob subscribes to it, both through Java client transports, connected.
     *
     * @param subscriberOffer the server's offer to Bob
     */
    private record PublisherAndSubscriber(String publisherId, String trackId, ClientSide publisher,
                                          ClientSide subscriber, String subscriberOffer) {

        static PublisherAndSubscriber connect(RoomManager roomManager, String room, boolean subscriberTakesRtx)
                throws Exception {
            Participant alice = roomManager.join(room, "Alice", new RecordingParticipantListener());
            RecordingParticipantListener bobEvents = new RecordingParticipantListener();
            Participant bob = roomManager.join(room, "Bob", bobEvents);
            ClientSide alicePublisher = new ClientSide();
            PublishedTracks published = alice.publish(alicePublisher.vp8Offer(), Map.of("0", TrackSource.CAMERA));
            bob.subscribe(List.of(published.tracks().get(0).trackId()));
            RecordingParticipantListener.Offer offer = bobEvents.offers.poll(5, TimeUnit.SECONDS);
            assertNotNull(offer);
            ClientSide bobSubscriber = new ClientSide();
            bob.acceptSubscriberAnswer(bobSubscriber.answer(offer.sdp(), subscriberTakesRtx));
            alicePublisher.connectWithAnswer(published.answerSdp());
            alicePublisher.awaitConnected();
            bobSubscriber.awaitConnected();
            return new PublisherAndSubscriber(alice.id(), published.tracks().get(0).trackId(), alicePublisher,
                    bobSubscriber, offer.sdp());
        }
    }

    /** A client-side transport plus the few SDP lines a browser would write. */
    private static final class ClientSide implements WebRtcTransport.Listener {
        private final WebRtcTransport transport;
        private final BlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
        private final BlockingQueue<byte[]> receivedRtcp = new LinkedBlockingQueue<>();
        private final java.util.concurrent.CountDownLatch connected = new java.util.concurrent.CountDownLatch(1);
        private final RtpPacketWriter writer = new RtpPacketWriter();
        /** Set by the first answer: later offers renegotiate the same connection. */
        private boolean connecting;

        ClientSide() throws Exception {
            transport = WebRtcTransport.client(clientContext, InetAddress.getLoopbackAddress(), this);
        }

        String vp8Offer() {
            SessionDescription offer = new SessionDescription(Origin.of("1", 1));
            MediaDescription video = media(Direction.SENDONLY, Setup.ACTPASS, "0");
            video.attributes().add(new Ssrc(PUBLISHER_SSRC, Ssrc.CNAME, "alice"));
            offer.addMedia(video);
            offer.attributes().add(Group.bundle(List.of("0")));
            return offer.serialize();
        }

        void connectWithAnswer(String answerSdp) throws Exception {
            SessionDescription answer = SessionDescription.parse(answerSdp);
            transport.connect(SdpTransportMapping.remoteTransport(answer), DtlsRole.CLIENT);
        }

        String answer(String offerSdp) throws Exception {
            return answer(offerSdp, false);
        }

        /** Answers receive-only, taking the offered RTX format too if {@code acceptRtx}. */
        String answer(String offerSdp, boolean acceptRtx) throws Exception {
            SessionDescription offer = SessionDescription.parse(offerSdp);
            SessionDescription answer = new SessionDescription(Origin.of("2", 1));
            for (MediaDescription offered : offer.media()) {
                MediaDescription media = media(Direction.RECVONLY, Setup.ACTIVE, offered.mid().orElseThrow());
                if (acceptRtx) {
                    offered.attributes().rtpMaps().stream().filter(map -> map.encodingName().equals("rtx"))
                            .forEach(media.attributes()::add);
                }
                answer.addMedia(media);
            }
            answer.attributes().add(Group.bundle(offer.bundleMids()));
            if (!connecting) {
                connecting = true;
                transport.connect(SdpTransportMapping.remoteTransport(offer), DtlsRole.CLIENT);
            }
            return answer.serialize();
        }

        private MediaDescription media(Direction direction, Setup setup, String mid) {
            MediaDescription video = new MediaDescription(MediaDescription.VIDEO, 9, MediaDescription.PROTOCOL_RTP,
                    List.of("96"));
            video.setConnection(ConnectionData.ipv4("0.0.0.0"));
            Attributes attributes = video.attributes();
            attributes.setMid(mid);
            attributes.setDirection(direction);
            attributes.setFlag(Attributes.RTCP_MUX, true);
            attributes.add(new RtpMap(96, "VP8", 90_000, RtpMap.CHANNELS_OMITTED));
            TransportDescription local = transport.localDescription();
            SdpTransportMapping.addLocalTransport(video, local, setup);
            return video;
        }

        void awaitConnected() throws InterruptedException {
            assertTrue(connected.await(10, TimeUnit.SECONDS), "client transport connected");
        }

        /** A VP8 packet: descriptor with S=1, PID 0, then a payload header whose P bit tells key or delta. */
        void sendVp8(int sequence, boolean keyframe) {
            byte[] payload = new byte[1000];
            payload[0] = 0x10;
            payload[1] = (byte) (keyframe ? 0x00 : 0x01);
            PacketBuffer packet = PacketBuffer.allocate();
            writer.reset().payloadType(96).sequenceNumber(sequence & 0xFFFF).timestamp(sequence * 3000L)
                    .ssrc(PUBLISHER_SSRC).payload(payload, 0, payload.length);
            int length = writer.write(packet.buffer(), 0);
            packet.setOffsetLength(0, length);
            assertTrue(transport.sendRtp(packet), "sent");
        }

        /** The next forwarded packet within {@code millis}, or null. */
        RtpPacket pollRtp(long millis) throws InterruptedException {
            byte[] bytes = received.poll(millis, TimeUnit.MILLISECONDS);
            if (bytes == null) {
                return null;
            }
            RtpPacket packet = new RtpPacket();
            assertTrue(packet.wrap(bytes, 0, bytes.length));
            return packet;
        }

        /** Forgets what arrived so far, waiting briefly for packets still on their way. */
        void drainRtp() throws InterruptedException {
            while (pollRtp(200) != null) {
                // discard
            }
        }

        /** Reports {@code lost} of the stream {@code mediaSsrc} as lost (RFC 4585 §6.2.1). */
        void sendNack(long mediaSsrc, int lost) {
            PacketBuffer nack = PacketBuffer.allocate();
            int length = GenericNack.write(nack.buffer(), 0, 0x0C11_E47L, mediaSsrc, new int[] {lost}, 1);
            nack.setOffsetLength(0, length);
            assertTrue(transport.sendRtcp(nack), "NACK sent");
        }

        /** Answers the server's reference time with a DLRR sub-block (RFC 3611 §4.5), as browsers do. */
        void sendDelaySinceLastReceiverReport(long lastReceiverReport, long delay) {
            PacketBuffer report = PacketBuffer.allocate();
            int length = ExtendedReport.writeDelaySinceLastReceiverReport(report.buffer(), 0, PUBLISHER_SSRC,
                    new long[] {PublishedTrack.SERVER_RTCP_SSRC}, new long[] {lastReceiverReport},
                    new long[] {delay}, 1);
            report.setOffsetLength(0, length);
            assertTrue(transport.sendRtcp(report), "XR sent");
        }

        /** Sends a sender report for the publisher's stream (RFC 3550 §6.4.1). */
        void sendSenderReport(long ntpTimestamp, long rtpTimestamp) {
            PacketBuffer report = PacketBuffer.allocate();
            int length = SenderReport.write(report.buffer(), 0, PUBLISHER_SSRC, ntpTimestamp, rtpTimestamp, 1, 1000,
                    List.of());
            report.setOffsetLength(0, length);
            assertTrue(transport.sendRtcp(report), "SR sent");
        }

        /** The next RTCP packet of {@code type} within 5 s (compounds are searched), as its bytes. */
        RtcpCompoundIterator nextRtcp(int type) throws InterruptedException {
            RtcpCompoundIterator packet = pollRtcp(type, -1, 5000);
            assertNotNull(packet, "an RTCP packet of type " + type + " arrived");
            return packet;
        }

        /**
         * The next RTCP packet of {@code type} and, unless it is -1, of feedback format {@code format} within
         * {@code millis} (compounds are searched), or null.
         */
        RtcpCompoundIterator pollRtcp(int type, int format, long millis) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            while (System.nanoTime() < deadline) {
                byte[] bytes = receivedRtcp.poll(100, TimeUnit.MILLISECONDS);
                if (bytes == null) {
                    continue;
                }
                RtcpCompoundIterator packets = new RtcpCompoundIterator().reset(bytes, 0, bytes.length);
                while (packets.next()) {
                    if (packets.packetType() == type && (format == -1 || packets.count() == format)) {
                        return packets;
                    }
                }
            }
            return null;
        }

        RtpPacket nextRtp() throws InterruptedException {
            byte[] bytes = received.poll(10, TimeUnit.SECONDS);
            assertNotNull(bytes, "a forwarded packet arrived");
            RtpPacket packet = new RtpPacket();
            assertTrue(packet.wrap(bytes, 0, bytes.length));
            return packet;
        }

        static boolean isVp8Keyframe(RtpPacket packet) {
            return (packet.buffer()[packet.payloadOffset() + 1] & 0x01) == 0;
        }

        void close() {
            transport.close();
        }

        @Override
        public void onConnected(WebRtcTransport t) {
            connected.countDown();
        }

        @Override
        public void onRtp(WebRtcTransport t, PacketBuffer packet) {
            received.add(java.util.Arrays.copyOfRange(packet.buffer(), packet.offset(),
                    packet.offset() + packet.length()));
        }

        @Override
        public void onRtcp(WebRtcTransport t, PacketBuffer packet) {
            byte[] bytes = new byte[packet.length()];
            System.arraycopy(packet.buffer(), packet.offset(), bytes, 0, bytes.length);
            receivedRtcp.add(bytes);
        }

        @Override
        public void onClosed(WebRtcTransport t, String reason) {
        }
    }
}
