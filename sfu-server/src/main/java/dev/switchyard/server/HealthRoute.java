package dev.switchyard.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;

import dev.switchyard.conference.RoomManager;
import dev.switchyard.datachannel.DataChannelCounters;
import dev.switchyard.media.RetransmissionCounters;
import dev.switchyard.signaling.HttpResponses;
import dev.switchyard.signaling.HttpRoute;
import dev.switchyard.signaling.SignalingCounters;
import dev.switchyard.transport.ice.ServerIcePorts;

/**
 * {@code GET /health}: a liveness answer for anyone ({@code {"status":"ok"}}); for the holder of the admin key,
 * and for anyone in development mode, also counts of the SFU rooms and participants, the media port's ICE
 * sessions, what became of lost packets both ways, the RTCP the server sent, datagrams the media port dropped or
 * refused, signaling connections refused or cut off, and the JVM's footprint. README.md lists the fields.
 */
final class HealthRoute implements HttpRoute {

    static final String PATH = "/health";

    private final RoomManager roomManager;
    private final ServerIcePorts ports;
    private final SignalingCounters signaling;
    private final OperatorAccess detailAccess;

    /** @param detailAccess who sees more than the liveness answer */
    HealthRoute(RoomManager roomManager, ServerIcePorts ports, SignalingCounters signaling,
                OperatorAccess detailAccess) {
        this.roomManager = roomManager;
        this.ports = ports;
        this.signaling = signaling;
        this.detailAccess = detailAccess;
    }

    @Override
    public FullHttpResponse respond(FullHttpRequest request, String path) {
        if (!path.equals(PATH)) {
            return null;
        }
        if (!request.method().equals(HttpMethod.GET)) {
            return HttpResponses.methodNotAllowed();
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("status", "ok");
        if (!detailAccess.allows(request)) {
            return HttpResponses.json(body);
        }
        body.put("rooms", roomManager.roomCount())
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
                .put("publisherRoundTripsMeasured", roomManager.rtcp().roundTrips())
                .put("datagramsDroppedFromStrangers", ports.droppedFromStrangers())
                .put("datagramsDroppedByWorkers", ports.droppedByWorkers())
                .put("unauthenticatedChecksRejected", ports.rejectedUnauthenticatedChecks())
                .put("connectionsRefusedPerAddress", signaling.connectionsRefused())
                .put("floodingSocketsClosed", signaling.floodersClosed())
                .put("slowReadersClosed", signaling.slowReadersClosed());
        DataChannelCounters data = roomManager.dataChannels();
        body.put("dataMessagesReceived", data.messagesReceived())
                .put("dataMessagesForwarded", data.messagesForwarded())
                .put("dataMessagesRefused", data.messagesRefused())
                .put("dataMessagesDroppedForSlowReceivers", data.messagesDroppedForSlowReceivers())
                .put("dataChannelsClosedForSlowReceivers", data.channelsClosedForSlowReceivers())
                .put("dataPeakQueuedBytes", data.peakQueuedBytes());
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
