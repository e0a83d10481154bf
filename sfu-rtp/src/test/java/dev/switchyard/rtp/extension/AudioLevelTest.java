package dev.switchyard.rtp.extension;

import dev.switchyard.rtp.testing.ParserFuzzer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AudioLevelTest {

    @Test
    void roundTripsEveryLevelWithAndWithoutVoice() {
        byte[] buffer = new byte[3];
        for (int level = 0; level <= AudioLevel.MAX_LEVEL; level++) {
            for (boolean voice : new boolean[] {false, true}) {
                assertEquals(1, AudioLevel.write(buffer, 1, voice, level));
                int encoded = AudioLevel.read(buffer, 1, 1);
                assertEquals(voice, AudioLevel.voiceActivity(encoded));
                assertEquals(level, AudioLevel.level(encoded));
            }
        }
    }

    @Test
    void decodesTheRfc6464Layout() {
        // RFC 6464 §3: V is the most significant bit, the level the other seven.
        int silentWithVoice = AudioLevel.read(new byte[] {(byte) 0xFF}, 0, 1);
        assertTrue(AudioLevel.voiceActivity(silentWithVoice));
        assertEquals(127, AudioLevel.level(silentWithVoice));
        int loudWithoutVoice = AudioLevel.read(new byte[] {0x00}, 0, 1);
        assertFalse(AudioLevel.voiceActivity(loudWithoutVoice));
        assertEquals(0, AudioLevel.level(loudWithoutVoice));
    }

    @Test
    void rejectsWrongLengthsAndBadRanges() {
        assertEquals(AudioLevel.INVALID, AudioLevel.read(new byte[2], 0, 2));
        assertEquals(AudioLevel.INVALID, AudioLevel.read(new byte[2], 0, 0));
        assertEquals(AudioLevel.INVALID, AudioLevel.read(new byte[1], 1, 1));
        assertEquals(AudioLevel.INVALID, AudioLevel.read(null, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> AudioLevel.write(new byte[1], 0, true, 128));
        assertThrows(IllegalArgumentException.class, () -> AudioLevel.write(new byte[1], 1, true, 0));
    }

    @Test
    void fuzz() {
        ParserFuzzer.fuzz(AudioLevel::read, List.of(new byte[] {(byte) 0xBA}), 120_000, 6464);
    }
}
