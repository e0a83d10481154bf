package dev.switchyard.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.switchyard.server.e2e.DataReception.awaitCount;
import static dev.switchyard.server.e2e.DataReception.number;
import static dev.switchyard.server.e2e.DataReception.received;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Data channels through the SFU between Chromium demo pages that join without camera and microphone: each page
 * sends with the SDK's {@code sendData} and records its {@code datareceived} events ({@code e2e/data-exchange.js}).
 * Three pages share the class; the loss test adds a fourth.
 */
class DataChannelE2eTest {

    private static final String ROOM = "e2e-data";
    private static final int MESSAGES = 10_000;
    private static final int LARGEST_MESSAGE = 256 * 1024;
    private static final double LOSS = 0.02;
    private static final int RATE_PER_SECOND = 20;
    private static final Duration LOSS_WINDOW = Duration.ofSeconds(30);
    /** An unreliable channel stalls if nothing new arrives for this long while its sender sends every 50 ms. */
    private static final long STALL_MILLIS = 1000;

    private static E2eServer server;
    private static final List<SfuPage> pages = new ArrayList<>();

    @BeforeAll
    static void startPages() {
        server = E2eServer.start();
        for (String name : List.of("ada", "grace", "linus")) {
            pages.add(SfuPage.joinWithoutMedia(server.http(), ROOM, name));
        }
    }

    /** Each test counts from zero: what earlier tests sent has all arrived by the time they ended. */
    @BeforeEach
    void recordAfresh() {
        pages.forEach(page -> page.data("record"));
    }

    @AfterAll
    static void closePages() {
        try {
            pages.forEach(SfuPage::close);
        } finally {
            server.close();
        }
    }

    @Test
    void threePagesExchangeTenThousandOrderedMessagesEachTaggedWithTheirSender() throws Exception {
        long forwardedBefore = server.health().get("dataMessagesForwarded").asLong();
        for (SfuPage sender : pages) {
            sender.data("send", MESSAGES, true, 0);
        }
        for (SfuPage receiver : pages) {
            for (SfuPage sender : pages) {
                if (sender == receiver) {
                    continue;
                }
                Map<?, ?> received = awaitCount(receiver, sender, "reliable", MESSAGES);
                assertEquals(MESSAGES, number(received, "count"), "every message, once");
                assertEquals(0, number(received, "outOfOrder"), "in the order sent");
                System.out.printf("%s from %s: %d messages, latency p50 %d ms, p99 %d ms%n", receiver.name(),
                        sender.name(), number(received, "count"), number(received, "p50"), number(received, "p99"));
            }
        }
        // The server counts a copy just after handing it to SCTP: the count may trail the last delivery a little.
        long expected = forwardedBefore + 2L * pages.size() * MESSAGES;
        JsonNode health = Poll.until("/health to count each copy the server forwarded", Duration.ofSeconds(5),
                DataChannelE2eTest::health, h -> h.get("dataMessagesForwarded").asLong() >= expected,
                JsonNode::toString);
        assertEquals(expected, health.get("dataMessagesForwarded").asLong());
        assertEquals(0, health.get("dataMessagesRefused").asLong());
    }

    @Test
    void aLargestMessageArrivesWholeAndALargerOneIsRefusedWithAClearError() {
        SfuPage ada = pages.get(0);
        assertEquals("sent", ada.data("sendLarge", LARGEST_MESSAGE));
        for (SfuPage receiver : pages.subList(1, pages.size())) {
            Map<?, ?> message = DataReception.awaitLarge(receiver);
            assertEquals(ada.participantId(), message.get("from"));
            assertEquals(LARGEST_MESSAGE, ((Number) message.get("bytes")).intValue());
            assertEquals(Boolean.TRUE, message.get("intact"), "every byte as sent");
        }
        assertEquals("message_too_large", ada.data("sendLarge", LARGEST_MESSAGE + 1));
    }

    /**
     * Four pages each send 20 messages a second on both channels for 30 s while 2 % of the datagrams to and from
     * the media port are dropped: the reliable channel delivers all of them in order, the unreliable one keeps
     * delivering fresh messages (no second without one) and loses only about what the network dropped.
     */
    @Test
    void withTwoPercentLossReliableMessagesAllArriveInOrderAndUnreliableOnesNeverStall() {
        SfuPage margaret = SfuPage.joinWithoutMedia(server.http(), ROOM, "margaret");
        try {
            margaret.data("record");
            List<SfuPage> four = new ArrayList<>(pages);
            four.add(margaret);
            int messages = (int) (RATE_PER_SECOND * LOSS_WINDOW.toSeconds());
            try (RandomLoss loss = RandomLoss.onPort(server.mediaPort(), LOSS)) {
                for (SfuPage sender : four) {
                    sender.data("send", messages, true, 1000 / RATE_PER_SECOND);
                    sender.data("send", messages, false, 1000 / RATE_PER_SECOND);
                }
                Poll.pause(LOSS_WINDOW);
                for (SfuPage receiver : four) {
                    for (SfuPage sender : four) {
                        if (sender != receiver) {
                            checkUnderLoss(receiver, sender, messages);
                        }
                    }
                }
            }
        } finally {
            margaret.close();
        }
    }

    private static JsonNode health() {
        try {
            return server.health();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void checkUnderLoss(SfuPage receiver, SfuPage sender, int messages) {
        Map<?, ?> reliable = awaitCount(receiver, sender, "reliable", messages);
        assertEquals(messages, number(reliable, "count"), "every reliable message, once");
        assertEquals(0, number(reliable, "outOfOrder"), "reliable messages in the order sent");
        Map<?, ?> unreliable = received(receiver, sender, "unreliable");
        long arrived = number(unreliable, "count");
        System.out.printf("2 %% loss each hop: %s from %s: reliable %d/%d, p50 %d ms, p99 %d ms; unreliable %d/%d, "
                        + "p50 %d ms, p99 %d ms, longest silence %d ms%n", receiver.name(), sender.name(),
                number(reliable, "count"), messages, number(reliable, "p50"), number(reliable, "p99"), arrived,
                messages, number(unreliable, "p50"), number(unreliable, "p99"), number(unreliable, "longestGapMs"));
        assertTrue(arrived >= messages * 0.85, "unreliable messages lost beyond the network's loss: " + arrived);
        assertTrue(number(unreliable, "longestGapMs") < STALL_MILLIS,
                () -> "the unreliable channel stalled for " + number(unreliable, "longestGapMs") + " ms");
    }
}
