package dev.switchyard.server.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A screen share stopped and started again, three times: the other page decodes each new share, and its
 * subscriber connection does not grow an m-line per share (the server reuses the inactive one).
 */
class ScreenShareAgainE2eTest {

    @Test
    void eachNewShareIsDecodedOnTheSameSubscriberLine() {
        try (E2eServer server = E2eServer.start();
             SfuPage ada = SfuPage.join(server.http(), "e2e-screen-again", "ada");
             SfuPage grace = SfuPage.join(server.http(), "e2e-screen-again", "grace")) {
            List<ExpectedTrack> withScreen = new ArrayList<>(ExpectedTrack.cameraAndMicrophoneOf(ada.participantId()));
            withScreen.add(ExpectedTrack.screenOf(ada.participantId()));
            List<Integer> transceivers = new ArrayList<>();
            for (int share = 0; share < 3; share++) {
                ada.publishScreenShare();
                MediaCheck.assertFlowing(Map.of(grace, withScreen));
                transceivers.add(grace.subscriberTransceiverCount());
                ada.stopScreenShare();
                Poll.until("grace to drop ada's screen", MediaCheck.SETTLE, grace::remoteTracks,
                        tracks -> tracks.stream().noneMatch(track -> track.source().equals("screen")),
                        Object::toString);
            }
            System.out.println("grace's subscriber transceivers after each share: " + transceivers);
            assertEquals(List.of(3, 3, 3), transceivers, "camera, microphone and one line for every share");
        }
    }
}
