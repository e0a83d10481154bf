package dev.switchyard.loadgen;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DescriptorCensusTest {

    @Test
    void aSocketOnANamedPortIsCountedUnderItsName() throws Exception {
        try (DatagramSocket first = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             DatagramSocket second = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            second.connect(first.getLocalSocketAddress());
            String census = DescriptorCensus.describe(Map.of(first.getLocalPort(), "probe"));
            assertTrue(census.contains("1 × udp on probe"), census);
            assertTrue(census.contains("1 × udp to probe"), census);
        }
    }
}
