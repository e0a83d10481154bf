package dev.switchyard.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import dev.switchyard.signaling.auth.JoinAuthority;
import dev.switchyard.signaling.mesh.MeshRelay;
import dev.switchyard.signaling.testing.RawWebSocket;
import dev.switchyard.signaling.testing.TestSocket;

/**
 * Whether a client that stops reading, or one that floods, slows the server down for everyone else. A
 * measurement, not part of the test suite (its name matches none of Surefire's test patterns), since figures of
 * time are no test's business:
 *
 * <pre>
 * ./mvnw -B -o test -pl sfu-signaling -Dtest=AbusiveClientMeasurement
 * </pre>
 *
 * <p>An observer in a room of its own sends a request the server answers at once (an unknown type, answered
 * with an error) every 25 ms and times each round trip: first on a quiet server; then while, twenty times over,
 * a client that never reads is sent a hundred 200 KB offers by a peer in its room until the server cuts it off;
 * then while, twenty times over, a client sends messages as fast as it can until the server cuts it off.
 */
class AbusiveClientMeasurement {

    private static final int QUIET_ROUND_TRIPS = 200;
    /** Below the server's default message rate per socket (50/s), which would cut the observer off. */
    private static final long PAUSE_MILLIS = 25;
    private static final int ATTACKS = 20;
    private static final int OFFERS_PER_ATTACK = 100;
    private static final String BIG_OFFER =
            "{\"type\":\"offer\",\"target\":\"slow\",\"offer\":\"" + "x".repeat(200_000) + "\"}";

    @Test
    void measureAnotherClientsRoundTripWhileAClientMisbehaves() throws Exception {
        SignalingServer server = SignalingServer.start(new InetSocketAddress("127.0.0.1", 0),
                Map.of("/mesh", new MeshRelay(JoinAuthority.developmentMode())), List.of());
        URI mesh = URI.create("ws://127.0.0.1:" + server.port() + "/mesh");
        try (TestSocket observer = TestSocket.connect(mesh)) {
            observer.send("{\"type\":\"join\",\"peer_id\":\"observer\",\"room_id\":\"elsewhere\"}").next("room_peers");
            List<Double> quiet = new ArrayList<>();
            for (int i = 0; i < QUIET_ROUND_TRIPS; i++) {
                quiet.add(roundTripMillis(observer));
            }
            List<Double> attacked = new ArrayList<>();
            for (int attack = 0; attack < ATTACKS; attack++) {
                CompletableFuture<Void> fed = feedASlowReader(server.port(), mesh);
                while (!fed.isDone()) {
                    attacked.add(roundTripMillis(observer));
                }
                fed.join();
            }
            List<Double> flooded = new ArrayList<>();
            for (int flood = 0; flood < ATTACKS; flood++) {
                CompletableFuture<Void> cutOff = flood(mesh);
                while (!cutOff.isDone()) {
                    flooded.add(roundTripMillis(observer));
                }
                cutOff.join();
            }
            print("quiet server", quiet);
            print("while a slow reader is fed", attacked);
            print("while a client floods", flooded);
        } finally {
            server.close();
        }
    }

    /** A slow reader joins, a peer sends it offers until the server cuts it off; completes then. */
    private static CompletableFuture<Void> feedASlowReader(int port, URI mesh) {
        return CompletableFuture.runAsync(() -> {
            try (RawWebSocket slow = RawWebSocket.open(port, "/mesh", 4096);
                 TestSocket feeder = TestSocket.connect(mesh)) {
                slow.sendText("{\"type\":\"join\",\"peer_id\":\"slow\",\"room_id\":\"r\"}");
                feeder.send("{\"type\":\"join\",\"peer_id\":\"feeder\",\"room_id\":\"r\"}");
                if (!feeder.next("room_peers").toString().contains("slow")) {
                    feeder.next("peer_joined");
                }
                for (int i = 0; i < OFFERS_PER_ATTACK; i++) {
                    feeder.send(BIG_OFFER);
                }
                assertEquals("slow", feeder.skipTo("peer_left").get("peer_id").asText(), "the slow reader is cut off");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** A client in a room of its own sends as fast as it can; completes once the server closed it. */
    private static CompletableFuture<Void> flood(URI mesh) {
        return CompletableFuture.runAsync(() -> {
            try (TestSocket flooder = TestSocket.connect(mesh)) {
                flooder.send("{\"type\":\"join\",\"peer_id\":\"flooder\",\"room_id\":\"flood\"}");
                try {
                    for (int i = 0; i < 1000; i++) {
                        flooder.send("{\"type\":\"leave_me_alone\"}");
                    }
                } catch (RuntimeException closedByTheServer) {
                    // The server closed the flooder mid-flood: what this waits for.
                }
                assertEquals(1008, flooder.awaitClose(), "the flooder is cut off");
            }
        });
    }

    private static double roundTripMillis(TestSocket observer) throws InterruptedException {
        long start = System.nanoTime();
        observer.send("{\"type\":\"ping_of_an_unknown_type\"}").nextError("unknown_type", "ping_of_an_unknown_type");
        double millis = (System.nanoTime() - start) / 1e6;
        Thread.sleep(PAUSE_MILLIS);
        return millis;
    }

    private static void print(String situation, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf("NEIGHBOUR LATENCY %-28s round trips %5d   p50 %6.2f ms   p99 %6.2f ms   max %6.2f ms%n",
                situation, sorted.size(), at(sorted, 0.50), at(sorted, 0.99), sorted.get(sorted.size() - 1));
    }

    private static double at(List<Double> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }
}
