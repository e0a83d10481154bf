package dev.switchyard.loadgen;

/** What one subscriber received over the whole run, to tell a lossy server from one lossy connection. */
record SubscriberResult(String name, long receivedPackets, long expectedPackets, long lostPackets) {

    double lossPercent() {
        return expectedPackets == 0 ? 0 : 100.0 * lostPackets / expectedPackets;
    }
}
