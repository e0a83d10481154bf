package dev.switchyard.loadgen;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatagramSelectorTest {

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aClosedSocketReleasesItsPortWithoutAnotherDatagramArriving(boolean busyPoll) throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (DatagramSelector selector = new DatagramSelector("selector-under-test", busyPoll)) {
            DatagramChannel channel = DatagramChannel.open().bind(new InetSocketAddress(loopback, 0));
            InetSocketAddress address = (InetSocketAddress) channel.getLocalAddress();
            CountDownLatch read = new CountDownLatch(1);
            selector.register(channel, (data, offset, length) -> read.countDown());
            try (DatagramChannel sender = DatagramChannel.open()) {
                sender.send(ByteBuffer.wrap(new byte[] {1}), address);
            }
            assertTrue(read.await(10, TimeUnit.SECONDS), "the selector reads the socket");

            selector.close(channel);
            // Nothing arrives any more: the selector must let go of the socket by itself.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            boolean rebound = false;
            while (!rebound && System.nanoTime() < deadline) {
                rebound = bindsTo(address);
                if (!rebound) {
                    Thread.sleep(20);
                }
            }
            assertTrue(rebound, "the closed socket's port is free again");
        }
    }

    private static boolean bindsTo(InetSocketAddress address) {
        try (DatagramChannel again = DatagramChannel.open()) {
            again.bind(address);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
