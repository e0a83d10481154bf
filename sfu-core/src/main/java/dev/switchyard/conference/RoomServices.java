package dev.switchyard.conference;

import java.io.IOException;

import dev.switchyard.datachannel.DataChannelLimits;
import dev.switchyard.datachannel.DataChannelThread;
import dev.switchyard.media.ForwardingLanes;
import dev.switchyard.media.NackResponder;
import dev.switchyard.media.RetransmissionCounters;
import dev.switchyard.media.RtcpCounters;
import dev.switchyard.transport.WebRtcTransport;

/**
 * What a participant and its connections need from the server around them. {@link RoomManager} provides it;
 * keeping it an interface keeps the participant from depending on the class that creates it.
 */
interface RoomServices {

    /** A server-side transport on the shared media port. */
    WebRtcTransport newServerTransport(WebRtcTransport.Listener listener) throws IOException;

    /** The media workers' forwarding lanes. */
    ForwardingLanes forwardingLanes();

    MediaSettings mediaSettings();

    /** The thread every data channel association runs on. */
    DataChannelThread dataChannelThread();

    /** How much is queued towards one data channel receiver before it counts as too slow. */
    DataChannelLimits dataChannelLimits();

    RoomLimits limits();

    /** The server's counts of what was lost and repaired, both ways. */
    RetransmissionCounters retransmissionCounters();

    RtcpCounters rtcpCounters();

    /** A new answerer of one subscriber's NACKs, with its own retransmission budget. */
    NackResponder newNackResponder();

    /** A server-wide unique track id. */
    String nextTrackId();

    /**
     * Runs work off the caller's thread, in submission order: slow releases (transports), and anything a media
     * worker learns that needs the room lock, which a worker never takes.
     */
    void closeInBackground(Runnable release);

    /** Someone left {@code room}: drop it if it is empty now. */
    void roomMayBeEmpty(Room room);

    /** A participant was removed because one of its media connections failed (ICE, DTLS or consent). */
    void countMediaConnectionFailure();
}
