package dev.switchyard.datachannel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class AudienceTest {

    @Test
    void aChannelWithoutANamedAudienceSpeaksToTheRoomWhateverItsProtocol() {
        assertTrue(Audience.ofProtocol("").room());
        assertTrue(Audience.ofProtocol("json").room());
        assertTrue(Audience.ofProtocol("To:p-1").room(), "the prefix is exact");
    }

    @Test
    void namedParticipantsAreTrimmedAndListedOnceInOrder() {
        assertEquals(List.of("p-2", "p-7"), Audience.ofProtocol("to:p-2,p-7").participantIds());
        assertEquals(List.of("p-2", "p-7"), Audience.ofProtocol("to: p-2 , ,p-7,p-2").participantIds());
    }

    @Test
    void anEmptyListNamesNobody() {
        assertEquals(Audience.named(List.of()), Audience.ofProtocol("to:"));
    }
}
