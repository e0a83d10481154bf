package dev.switchyard.loadgen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What this process's open file descriptors are, counted by kind; sockets by protocol, TCP state and whether
 * they are on or to one of the ports named (from {@code /proc/self/net}). Printed when a soak finds descriptors
 * left behind, so that the report says what they are.
 */
final class DescriptorCensus {

    private static final List<String> SOCKET_TABLES = List.of("udp", "udp6", "tcp", "tcp6");

    private DescriptorCensus() {
    }

    /**
     * One line per kind, most frequent first, e.g. {@code 12 × tcp to http, state 01}.
     *
     * @param namedPorts local ports of this process worth naming, e.g. the server's HTTP and media ports
     */
    static String describe(Map<Integer, String> namedPorts) {
        Map<String, String> sockets = socketsByInode(namedPorts);
        Map<String, Integer> counts = new TreeMap<>();
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            for (Path descriptor : (Iterable<Path>) descriptors::iterator) {
                String target;
                try {
                    target = Files.readSymbolicLink(descriptor).toString();
                } catch (IOException e) {
                    continue; // closed meanwhile, or the listing's own descriptor
                }
                counts.merge(kind(target, sockets), 1, Integer::sum);
            }
        } catch (IOException e) {
            return "no descriptor census: " + e;
        }
        StringBuilder out = new StringBuilder("open descriptors by kind:\n");
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(entry -> out.append(String.format("  %4d × %s%n", entry.getValue(), entry.getKey())));
        return out.toString();
    }

    private static String kind(String target, Map<String, String> sockets) {
        if (target.startsWith("socket:[")) {
            return sockets.getOrDefault(target.substring(8, target.length() - 1), "socket (not in /proc/self/net)");
        }
        if (target.startsWith("pipe:[")) {
            return "pipe";
        }
        if (target.startsWith("/")) {
            return "file";
        }
        return target; // anon_inode:[eventpoll], anon_inode:[eventfd], ...
    }

    /** Inode to the socket's kind for every socket of this network namespace. */
    private static Map<String, String> socketsByInode(Map<Integer, String> namedPorts) {
        Map<String, String> sockets = new HashMap<>();
        for (String table : SOCKET_TABLES) {
            List<String> lines;
            try {
                lines = Files.readAllLines(Path.of("/proc/self/net", table));
            } catch (IOException e) {
                continue;
            }
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 9) {
                    String local = namedPorts.get(port(fields[1]));
                    String remote = namedPorts.get(port(fields[2]));
                    String where = local != null ? " on " + local : remote != null ? " to " + remote : " elsewhere";
                    // TCP states as in the kernel's tcp_states.h: 01 established, 06 time wait, 0A listen.
                    String protocol = table.replace("6", ""); // Java's sockets are mostly dual-stack IPv6 ones
                    sockets.put(fields[9], protocol + where + (protocol.equals("tcp") ? ", state " + fields[3] : ""));
                }
            }
        }
        return sockets;
    }

    /** The port of an address such as {@code 0100007F:C350}. */
    private static int port(String hexAddress) {
        return Integer.parseInt(hexAddress.substring(hexAddress.indexOf(':') + 1), 16);
    }
}
