package dev.switchyard.server;

import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import dev.switchyard.conference.RoomManager;
import dev.switchyard.media.RetransmissionCounters;
import dev.switchyard.media.RtcpCounters;
import dev.switchyard.signaling.SignalingCounters;
import dev.switchyard.transport.ice.ServerIcePorts;
import dev.switchyard.transport.udp.MediaWorker;

/**
 * The server's metrics in a Prometheus registry. Every meter reads a counter the server keeps anyway, when it is
 * scraped: nothing is recorded per packet here. README "Metrics" lists them.
 */
final class ServerMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    ServerMetrics(RoomManager rooms, ServerIcePorts ports, SignalingCounters signaling) {
        gauge("switchyard.rooms", "rooms with at least one participant", rooms, RoomManager::roomCount);
        gauge("switchyard.participants", "participants in SFU rooms", rooms, RoomManager::participantCount);
        gauge("switchyard.tracks", "published tracks", rooms, RoomManager::trackCount);
        gauge("switchyard.ice.sessions", "ICE sessions on the media port", ports, ServerIcePorts::iceSessions);

        counter("switchyard.media.datagrams.received", "datagrams received on the media port", null, ports,
                ServerIcePorts::datagramsReceived);
        counter("switchyard.media.received", "bytes received on the media port", "bytes", ports,
                ServerIcePorts::bytesReceived);
        counter("switchyard.media.datagrams.sent", "datagrams sent from the media port", null, ports,
                ServerIcePorts::datagramsSent);
        counter("switchyard.media.sent", "bytes sent from the media port", "bytes", ports,
                ServerIcePorts::bytesSent);
        for (MediaWorker worker : ports.mediaWorkers()) {
            FunctionCounter.builder("switchyard.media.worker.datagrams.received", worker,
                            MediaWorker::datagramsReceived)
                    .description("datagrams each media worker received: the load per worker")
                    .tag("worker", Integer.toString(worker.index()))
                    .register(registry);
        }
        dropped("stranger", ports, ServerIcePorts::droppedFromStrangers);
        dropped("unauthenticated_check", ports, ServerIcePorts::rejectedUnauthenticatedChecks);
        dropped("worker", ports, ServerIcePorts::droppedByWorkers);
        counter("switchyard.media.connection.failures", "participants removed because a media connection failed"
                + " (ICE, DTLS or consent)", null, rooms, RoomManager::mediaConnectionFailures);

        RetransmissionCounters nacks = rooms.retransmissions();
        counter("switchyard.nack.requested", "packets subscribers asked for again (NACK)", null, nacks,
                RetransmissionCounters::requested);
        counter("switchyard.nack.retransmitted", "packets retransmitted to subscribers from the history", null, nacks,
                RetransmissionCounters::retransmitted);
        counter("switchyard.nack.upstream.requested", "packets the server asked publishers for again", null, nacks,
                RetransmissionCounters::requestedUpstream);
        counter("switchyard.nack.upstream.repaired", "retransmissions received from publishers", null, nacks,
                RetransmissionCounters::repairedUpstream);
        RtcpCounters rtcp = rooms.rtcp();
        counter("switchyard.keyframe.requests", "keyframe requests (PLI) sent to publishers", null, rtcp,
                RtcpCounters::keyframeRequests);
        counter("switchyard.rtcp.receiver.reports", "receiver reports sent to publishers", null, rtcp,
                RtcpCounters::receiverReports);
        counter("switchyard.rtcp.sender.reports", "sender reports sent to subscribers", null, rtcp,
                RtcpCounters::senderReports);
        counter("switchyard.rtcp.transport.feedback", "transport-cc feedback sent to publishers", null, rtcp,
                RtcpCounters::transportFeedback);

        counter("switchyard.signaling.connections.refused", "connections refused by the per-address limit", null,
                signaling, SignalingCounters::connectionsRefused);
        counter("switchyard.signaling.flooders.closed", "sockets closed for sending too fast", null, signaling,
                SignalingCounters::floodersClosed);
        counter("switchyard.signaling.slow.readers.closed", "sockets closed for not reading", null, signaling,
                SignalingCounters::slowReadersClosed);

        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** The Prometheus text exposition of every meter now. */
    String scrape() {
        return registry.scrape();
    }

    private <T> void gauge(String name, String description, T source, ToDoubleFunction<T> value) {
        Gauge.builder(name, source, value).description(description).register(registry);
    }

    private <T> void counter(String name, String description, String unit, T source, ToDoubleFunction<T> value) {
        FunctionCounter.builder(name, source, value).description(description).baseUnit(unit).register(registry);
    }

    private void dropped(String reason, ServerIcePorts ports, ToDoubleFunction<ServerIcePorts> value) {
        FunctionCounter.builder("switchyard.media.dropped", ports, value)
                .description("datagrams the media port dropped, by reason")
                .tag("reason", reason)
                .register(registry);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
