package dev.switchyard.sctp.association;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

class StateCookieTest {

    private static final StateCookie COOKIE = new StateCookie(0xFFFFFFF0L, 1, 100_000, 99, 0x80000000L, true, 5_000);

    @Test
    void aCookieSignedHereComesBackWithItsContent() {
        byte[] secret = StateCookie.newSecret(new SecureRandom());
        assertEquals(COOKIE, StateCookie.verify(COOKIE.sign(secret), secret, 6_000, 60_000).orElseThrow());
    }

    @Test
    void aCookieSignedWithAnotherSecretOrAlteredIsRefused() {
        byte[] secret = StateCookie.newSecret(new SecureRandom());
        byte[] signed = COOKIE.sign(secret);
        assertTrue(StateCookie.verify(signed, StateCookie.newSecret(new SecureRandom()), 6_000, 60_000).isEmpty());
        signed[3] ^= 1;
        assertTrue(StateCookie.verify(signed, secret, 6_000, 60_000).isEmpty());
        assertTrue(StateCookie.verify(new byte[7], secret, 6_000, 60_000).isEmpty());
    }

    @Test
    void anOldCookieIsRefused() {
        byte[] secret = StateCookie.newSecret(new SecureRandom());
        assertTrue(StateCookie.verify(COOKIE.sign(secret), secret, 5_000 + 60_001, 60_000).isEmpty());
    }
}
