package dev.switchyard.rtp;

import dev.switchyard.rtp.testing.ParserFuzzer;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

class RtpPacketFuzzTest {

    private static final int ITERATIONS = 200_000;

    private final RtpPacket packet = new RtpPacket();
    private final HeaderExtensionCursor cursor = new HeaderExtensionCursor();

    @Test
    void wrapAndExtensionIterationStayInsideThePacket() {
        ParserFuzzer.fuzz(this::summarise, seeds(), ITERATIONS, 3550);
    }

    /** The same check driven by Jazzer's coverage feedback (corpus in RtpPacketFuzzTestInputs). */
    @FuzzTest(maxDuration = "90s")
    void coverageGuided(byte @NotNull [] input) {
        ParserFuzzer.checkOne(this::summarise, input);
    }

    /** Everything the view exposes, with absolute indices made relative so embedded parses compare equal. */
    private Object summarise(byte[] buffer, int offset, int length) {
        if (!packet.wrap(buffer, offset, length)) {
            return null;
        }
        List<Object> summary = new ArrayList<>(List.of(
                packet.version(), packet.padding(), packet.marker(), packet.payloadType(),
                packet.sequenceNumber(), packet.timestamp(), packet.ssrc(), packet.headerLength(),
                packet.payloadOffset() - offset, packet.payloadLength(), packet.paddingLength(),
                packet.extensionProfile(), packet.extensionDataLength()));
        for (int i = 0; i < packet.csrcCount(); i++) {
            summary.add(packet.csrc(i));
        }
        if (cursor.wrap(packet)) {
            while (cursor.next()) {
                summary.add(cursor.id() + "@" + (cursor.valueOffset() - offset) + "+" + cursor.valueLength());
            }
        }
        return summary;
    }

    private static List<byte[]> seeds() {
        byte[] twoBytePadded = new byte[256];
        int length = new RtpPacketWriter()
                .payloadType(100).sequenceNumber(65535).timestamp(1).ssrc(2).addCsrc(3).addCsrc(4)
                .addExtension(200, new byte[] {1, 2, 3}, 0, 3)
                .addExtension(1, new byte[0], 0, 0)
                .payload(new byte[40], 0, 40)
                .padding(7)
                .write(twoBytePadded, 0);
        return List.of(
                ChromiumAudioPacketTest.PACKET,
                HeaderExtensionCursorTest.RFC_ONE_BYTE,
                HeaderExtensionCursorTest.RFC_TWO_BYTE,
                Arrays.copyOf(twoBytePadded, length));
    }
}
