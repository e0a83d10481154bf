package dev.switchyard.signaling;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OriginPolicyTest {

    private final OriginPolicy policy = new OriginPolicy(Set.of("https://app.example.org/"));

    @Test
    void theServersOwnOriginThisMachineAndTheConfiguredOnesMayConnect() {
        assertTrue(policy.allows("https://sfu.example.org", "sfu.example.org"), "same origin, default port");
        assertTrue(policy.allows("http://10.0.0.5:8080", "10.0.0.5:8080"), "same origin with a port");
        assertTrue(policy.allows("http://localhost:3000", "sfu.example.org"), "a page on this machine");
        assertTrue(policy.allows("http://127.0.0.1:5173", "127.0.0.1:8080"));
        assertTrue(policy.allows("https://APP.example.org", "sfu.example.org"), "configured, any case");
        assertTrue(policy.allows(null, "sfu.example.org"), "no browser, no Origin");
    }

    @Test
    void otherSitesMayNot() {
        assertFalse(policy.allows("https://evil.example", "sfu.example.org"));
        assertFalse(policy.allows("http://sfu.example.org:9999", "sfu.example.org:8080"), "another port");
        assertFalse(policy.allows("null", "sfu.example.org"), "an opaque origin");
        assertFalse(policy.allows("::not a uri", "sfu.example.org"));
        assertFalse(OriginPolicy.SAME_ORIGIN_AND_LOCAL.allows("https://app.example.org", "sfu.example.org"));
    }
}
