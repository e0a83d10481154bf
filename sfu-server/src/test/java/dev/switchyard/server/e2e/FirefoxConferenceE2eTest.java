package dev.switchyard.server.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    @Test
    @Order(2)
    void chromiumParticipantLeavingDisappearsFromTheOthersIncludingFirefoxWithinTwoSeconds() {
        leave(lastChromium);
    }

    @Test
    @Order(3)
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
