package dev.switchyard.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;

import dev.switchyard.conference.RoomManager;
import dev.switchyard.media.RetransmissionCounters;
import dev.switchyard.signaling.HttpResponses;
import dev.switchyard.signaling.HttpRoute;
import dev.switchyard.transport.ice.ServerIcePorts;

/**
 * {@code GET /health}: {@code {"status":"ok","rooms":N,"participants":N}}, counting the SFU rooms, what became
 * of the packets subscribers reported lost ({@code retransmissionsRequested}, {@code packetsRetransmitted},
 * {@code retransmissionsNotInHistory}, {@code retransmissionsThrottled}) and of those the server asked
 * publishers for ({@code packetsMissingFromPublishers}: gaps in their streams, {@code nacksSentToPublishers},
 * {@code retransmissionsFromPublishers}: awaited packets that came back as RTX), datagrams the media
 * port dropped ({@code datagramsDroppedFromStrangers}: no ICE session claimed them; {@code datagramsDroppedByWorkers}:
 * handling threw, or oversized), connectivity checks answered 400 for lacking MESSAGE-INTEGRITY
 * ({@code unauthenticatedChecksRejected}), and the JVM's footprint ({@code heapUsedBytes}, {@code heapCommittedBytes}, {@code threads}, and
 * {@code openFileDescriptors} where the platform counts them).
 */
final class HealthRoute implements HttpRoute {

    static final String PATH = "/health";

    private final RoomManager roomManager;
    private final ServerIcePorts ports;

    HealthRoute(RoomManager roomManager, ServerIcePorts ports) {
        this.roomManager = roomManager;
        this.ports = ports;
    }

    @Override
    public FullHttpResponse respond(FullHttpRequest request, String path) {
        if (!path.equals(PATH)) {
            return null;
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("status", "ok")
                .put("rooms", roomManager.roomCount())
                .put("participants", roomManager.participantCount())
                .put("iceSessions", ports.iceSessions())
                .put("iceRemoteAddresses", ports.iceRemoteAddresses());
        RetransmissionCounters retransmissions = roomManager.retransmissions();
        body.put("retransmissionsRequested", retransmissions.requested())
                .put("packetsRetransmitted", retransmissions.retransmitted())
                .put("retransmissionsNotInHistory", retransmissions.notInHistory())
                .put("retransmissionsThrottled", retransmissions.throttled())
                .put("nacksSentToPublishers", retransmissions.requestedUpstream())
                .put("packetsMissingFromPublishers", retransmissions.missingUpstream())
                .put("retransmissionsFromPublishers", retransmissions.repairedUpstream())
                .put("receiverReportsSent", roomManager.rtcp().receiverReports())
                .put("bitrateCapsSent", roomManager.rtcp().bitrateCaps())
                .put("transportFeedbackSent", roomManager.rtcp().transportFeedback())
                .put("keyframeRequestsSent", roomManager.rtcp().keyframeRequests())
                .put("senderReportsSent", roomManager.rtcp().senderReports())
                .put("datagramsDroppedFromStrangers", ports.droppedFromStrangers())
                .put("datagramsDroppedByWorkers", ports.droppedByWorkers())
                .put("unauthenticatedChecksRejected", ports.rejectedUnauthenticatedChecks());
        JvmFootprint footprint = JvmFootprint.now();
        body.put("heapUsedBytes", footprint.heapUsedBytes())
                .put("heapCommittedBytes", footprint.heapCommittedBytes())
                .put("threads", footprint.threads());
        if (footprint.openFileDescriptors() >= 0) {
            body.put("openFileDescriptors", footprint.openFileDescriptors());
        }
        return HttpResponses.json(body);
    }
}
