package dev.switchyard.signaling.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code publish} requests: a microphone on m-line 0 and a video on m-line 1, by default Chromium's captured offer. */
public final class PublishRequest {

    private PublishRequest() {
    }

    /** Chromium's send-only offer of a microphone and a camera (sfu-core's captured SDP). */
    public static String chromiumOffer() {
        try (InputStream in = PublishRequest.class.getResourceAsStream("/sdp/chromium-156/offer-sendonly.sdp")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Chromium's offer, its video published as {@code videoSource}. */
    public static String chromium(String videoSource) {
        return of(chromiumOffer(), videoSource);
    }

    /** {@code sdp} with m-line 0 published as the microphone and m-line 1 as {@code videoSource}. */
    public static String of(String sdp, String videoSource) {
        ObjectNode publish = JsonNodeFactory.instance.objectNode().put("type", "publish").put("sdp", sdp);
        publish.putArray("tracks").addObject().put("mid", "0").put("source", "microphone");
        publish.withArray("tracks").addObject().put("mid", "1").put("source", videoSource);
        return publish.toString();
    }
}
