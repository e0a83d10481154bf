package dev.switchyard.server.e2e;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Random loss on every UDP hop to and from one port, with iptables' statistic match in the INPUT chain (on
 * loopback every datagram passes INPUT once; an OUTPUT rule would make the sender's sendto fail instead). The
 * rules name the test's own ephemeral port and are removed on close. Needs root and iptables, as CI has.
 */
final class RandomLoss implements AutoCloseable {

    private final List<List<String>> rules = new ArrayList<>();

    private RandomLoss() {
    }

    /** Drops {@code probability} of the datagrams sent to and from {@code port}. */
    static RandomLoss onPort(int port, double probability) {
        return dropping(probability, List.of("--dport", Integer.toString(port)),
                List.of("--sport", Integer.toString(port)));
    }

    /** Drops {@code probability} of the datagrams from {@code clientPort} to {@code serverPort}: one uplink. */
    static RandomLoss onUplink(int clientPort, int serverPort, double probability) {
        return dropping(probability, List.of("--sport", Integer.toString(clientPort), "--dport",
                Integer.toString(serverPort)));
    }

    @SafeVarargs
    private static RandomLoss dropping(double probability, List<String>... matches) {
        RandomLoss loss = new RandomLoss();
        try {
            for (List<String> match : matches) {
                List<String> rule = new ArrayList<>(List.of("INPUT", "-p", "udp"));
                rule.addAll(match);
                rule.addAll(List.of("-m", "statistic", "--mode", "random", "--probability",
                        String.format(Locale.ROOT, "%.4f", probability), "-j", "DROP"));
                iptables("-A", rule);
                loss.rules.add(rule);
            }
            return loss;
        } catch (RuntimeException e) {
            loss.close();
            throw e;
        }
    }

    @Override
    public void close() {
        for (List<String> rule : rules) {
            iptables("-D", rule);
        }
        rules.clear();
    }

    private static void iptables(String action, List<String> rule) {
        List<String> command = new ArrayList<>(List.of("iptables", action));
        command.addAll(rule);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (root and iptables are"
                        + " needed; CI installs iptables): " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run iptables (root and iptables are needed)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running iptables", e);
        }
    }
}
