package dev.switchyard.loadgen;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.concurrent.ScheduledExecutorService;

import dev.switchyard.transport.TransportContext;

/**
 * What every synthetic participant of one run shares: the server's address and room, one transport context
 * (one certificate, one timer), one HTTP client for the signaling sockets, one pacing thread for all senders,
 * one selector thread that reads every subscriber's socket.
 *
 * @param streamKeys how many {@link Probe} stream keys the run uses: two per participant index
 */
record LoadContext(URI url, String room, TransportContext transports, HttpClient http,
                   ScheduledExecutorService pacer, int videoKilobitsPerSecond, int streamKeys,
                   MeasurementWindow window, DatagramSelector receivers) {
}
