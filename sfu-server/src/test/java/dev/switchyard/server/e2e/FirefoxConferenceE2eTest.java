package dev.switchyard.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Firefox and Chromium in one call through the SFU, on the server's demo page and SDK: two Chromium
 * participants and one Firefox ESR participant with fake cameras and microphones share one room for the whole
 * class. Firefox joins second, so that it answers a first subscriber offer that already carries a Chromium
 * participant's tracks and then a renegotiation that adds the other's. The departures come last, as they shrink
 * the call. Three browsers, not more: on two cores a fourth starves the others.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirefoxConferenceE2eTest {

    private static final String ROOM = "e2e-mixed";
    private static final Duration DEPARTURE_DEADLINE = Duration.ofSeconds(2);
    private static final int DATA_MESSAGES = 300;
    private static final int LARGEST_MESSAGE = 256 * 1024;

    private static E2eServer server;
    /** Every page opened, in joining order, closed at the end whether it left or not. */
    private static final List<SfuPage> opened = new ArrayList<>();
    /** The pages still in the call. */
    private static final List<SfuPage> call = new ArrayList<>();
    private static SfuPage firefox;
    private static SfuPage lastChromium;

    @BeforeAll
    static void startCall() {
        server = E2eServer.start();
        join(SfuPage.join(server.http(), ROOM, "ada"));
        firefox = join(SfuPage.joinWithFirefox(server.http(), ROOM, "firefox"));
        lastChromium = join(SfuPage.join(server.http(), ROOM, "grace"));
    }

    @AfterAll
    static void endCall() {
        try {
            opened.forEach(SfuPage::close);
        } finally {
            server.close();
        }
    }

    @Test
    @Order(1)
    void everyPageDecodesEveryOtherParticipantsCameraAndMicrophone() {
        MediaCheck.assertFlowing(SfuPage.cameraAndMicrophoneOfOthers(call));
        for (SfuPage page : call) {
            System.out.printf("E2E first remote frame after page load: %.0f ms (%s, joined %d of %d)%n",
                    page.firstRemoteFrameMillis(), page.name(), opened.indexOf(page) + 1, opened.size());
        }
    }

    /** Firefox's SCTP (usrsctp) and Chromium's (dcsctp) both talk to the server's, both ways. */
    @Test
    @Order(2)
    void firefoxAndChromiumExchangeDataChannelMessagesThroughTheServer() {
        call.forEach(page -> page.data("record"));
        for (SfuPage sender : call) {
            sender.data("send", DATA_MESSAGES, true, 0);
        }
        assertEquals("sent", firefox.data("sendLarge", LARGEST_MESSAGE));
        for (SfuPage receiver : call) {
            for (SfuPage sender : call) {
                if (sender != receiver) {
                    Map<?, ?> received = DataReception.awaitCount(receiver, sender, "reliable", DATA_MESSAGES);
                    assertEquals(DATA_MESSAGES, DataReception.number(received, "count"), "every message, once");
                    assertEquals(0, DataReception.number(received, "outOfOrder"), "in the order sent");
                    System.out.printf("data %s from %s: %d messages, latency p50 %d ms, p99 %d ms%n", receiver.name(),
                            sender.name(), DataReception.number(received, "count"),
                            DataReception.number(received, "p50"), DataReception.number(received, "p99"));
                }
            }
            if (receiver != firefox) {
                Map<?, ?> large = DataReception.awaitLarge(receiver);
                assertEquals(firefox.participantId(), large.get("from"));
                assertEquals(LARGEST_MESSAGE, DataReception.number(large, "bytes"));
                assertEquals(Boolean.TRUE, large.get("intact"));
            }
        }
    }

    @Test
    @Order(3)
    void chromiumParticipantLeavingDisappearsFromTheOthersIncludingFirefoxWithinTwoSeconds() {
        leave(lastChromium);
    }

    @Test
    @Order(4)
    void firefoxParticipantLeavingDisappearsFromTheChromiumPagesWithinTwoSeconds() {
        leave(firefox);
    }

    private static SfuPage join(SfuPage page) {
        opened.add(page);
        call.add(page);
        return page;
    }

    private static void leave(SfuPage leaving) {
        call.remove(leaving);
        Departure.assertSeenWithin(DEPARTURE_DEADLINE, leaving, call);
    }
}
