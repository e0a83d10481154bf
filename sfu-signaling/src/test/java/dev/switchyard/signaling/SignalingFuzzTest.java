package dev.switchyard.signaling;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import io.netty.channel.embedded.EmbeddedChannel;

import dev.switchyard.signaling.auth.JoinAuthority;
import dev.switchyard.signaling.mesh.MeshRelay;
import dev.switchyard.signaling.message.InboundMessage;
import dev.switchyard.signaling.message.JsonObject;
import dev.switchyard.signaling.message.ProtocolException;

/**
 * Signaling text from any client, under Jazzer's coverage feedback (corpus in SignalingFuzzTestInputs): parsing
 * and every typed field read may refuse with {@link ProtocolException} and nothing else, and a mesh session fed
 * the same text, then closed, must not throw.
 */
class SignalingFuzzTest {

    private static final String[] FIELDS = {"type", "peer_id", "room_id", "target", "sdp", "room", "name",
        "tracks", "trackIds", "candidate", "muted", "mid", "source"};

    private static final MeshRelay MESH = new MeshRelay(JoinAuthority.developmentMode());

    @FuzzTest(maxDuration = "90s")
    void messages(@NotNull String text) {
        try {
            InboundMessage message = InboundMessage.parse(text);
            readEveryField(message.fields());
        } catch (ProtocolException refused) {
            // The one way to refuse input.
        }
        EmbeddedChannel socket = new EmbeddedChannel();
        WebSocketSession session = MESH.open(new SessionChannel(socket));
        session.onText(text);
        session.onText(text);
        session.onClose();
        socket.finishAndReleaseAll();
    }

    private static void readEveryField(JsonObject fields) {
        for (String field : FIELDS) {
            fields.has(field);
            tryRead(() -> fields.string(field));
            tryRead(() -> fields.optionalString(field));
            tryRead(() -> fields.bool(field));
            tryRead(() -> fields.optionalInt(field, 0));
            tryRead(() -> fields.strings(field));
            tryRead(() -> fields.objects(field).forEach(SignalingFuzzTest::readEveryField));
            tryRead(() -> {
                JsonObject object = fields.objectOrNull(field);
                if (object != null) {
                    readEveryField(object);
                }
            });
        }
    }

    @FunctionalInterface
    private interface Read {
        void run() throws ProtocolException;
    }

    private static void tryRead(Read read) {
        try {
            read.run();
        } catch (ProtocolException refused) {
            // Refusing an ill-typed field is the contract.
        }
    }
}
