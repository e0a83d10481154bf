package dev.switchyard.loadgen;

import java.io.IOException;

/**
 * Command line entry: the least CPU a forwarded packet can cost on this machine's loopback. One JVM holds a
 * publisher, a bare forwarder (one SRTP unprotect per published packet; per subscriber a copy, SSRC and
 * sequence rewrite, SRTP protect and {@code send}, with no routing logic) and the subscribers' sockets, read by
 * one thread each or by one selector thread. It reports the forwarding thread's CPU time per forwarded packet,
 * split into user and system time, to set against the server's figure from {@link LoadGenerator} runs.
 * See {@link FloorOptions#USAGE}.
 */
public final class LoopbackForwardingFloor {

    /** Every socket of a run is bound here: the tool measures loopback and must never send elsewhere. */
    static final String LOOPBACK = "127.0.0.1";

    private LoopbackForwardingFloor() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        FloorOptions options;
        try {
            options = FloorOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(FloorOptions.USAGE);
            System.exit(2);
            return;
        }
        FloorReport report = FloorRun.execute(options);
        ToolCommandLine.print(report.table(), report, options.json());
    }
}
