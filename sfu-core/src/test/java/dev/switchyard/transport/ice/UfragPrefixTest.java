package dev.switchyard.transport.ice;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UfragPrefixTest {

    @Test
    void prefixesAreSixteenIceCharactersAndNeverRepeat() {
        Set<String> seen = new HashSet<>();
        int[] countByDigit = new int[128];
        for (int i = 0; i < 10_000; i++) {
            String prefix = UfragPrefix.next();
            assertEquals(UfragPrefix.LENGTH, prefix.length());
            assertTrue(prefix.matches("[0-9a-v]+"), prefix);
            assertTrue(seen.add(prefix), "repeated " + prefix);
            prefix.chars().forEach(c -> countByDigit[c]++);
        }
        // 160 000 digits over 32 values: each about 5000; a stuck bit would leave half of them at 0.
        for (char c : "0123456789abcdefghijklmnopqrstuv".toCharArray()) {
            assertTrue(countByDigit[c] > 4000 && countByDigit[c] < 6000, c + ": " + countByDigit[c]);
        }
    }
}
