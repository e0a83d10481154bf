package dev.switchyard.transport.ice;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.HashMap;
import java.util.Map;

import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.ice.Component;
import org.ice4j.ice.HostCandidate;
import org.ice4j.ice.IceProcessingState;
import org.ice4j.socket.IceSocketWrapper;
import org.ice4j.socket.IceUdpSocketWrapper;
import org.ice4j.stack.StunStack;

/**
 * One server ICE session's host candidate on the shared UDP port. It learns each remote address from that
 * address's first connectivity check and gives ice4j's STUN stack a {@link RemoteStunSocket} for it; the
 * session's other datagrams go to the attached {@link DatagramReceiver} on the worker that received them.
 */
final class SharedPortCandidate extends HostCandidate {

    /** Receives the non-STUN datagrams of one ICE session. */
    interface DatagramReceiver {
        /** Called on a media worker; the bytes are only valid during the call. */
        void onDatagram(byte[] data, int offset, int length, InetSocketAddress from);
    }

    private final SharedPortHarvester harvester;
    private final String ufrag;
    /** ice4j's view of each remote's socket, kept so that it sees the same wrapper on every lookup. */
    private final Map<InetSocketAddress, IceUdpSocketWrapper> remotes = new HashMap<>();
    private volatile DatagramReceiver receiver;
    private boolean freed;

    SharedPortCandidate(SharedPortHarvester harvester, TransportAddress localAddress, Component component,
                        String ufrag) {
        super(localAddress, component);
        this.harvester = harvester;
        this.ufrag = ufrag;
    }

    String ufrag() {
        return ufrag;
    }

    void attach(DatagramReceiver receiver) {
        this.receiver = receiver;
    }

    /** Hands a non-STUN datagram to the session; dropped while nothing is attached. */
    boolean deliver(byte[] data, int offset, int length, InetSocketAddress from) {
        DatagramReceiver current = receiver;
        if (current == null) {
            return false;
        }
        current.onDatagram(data, offset, length, from);
        return true;
    }

    /**
     * Starts answering STUN from {@code remote} (a new host or peer-reflexive address of the peer).
     *
     * @return the socket ice4j reads that address's STUN from, or null if the session is over
     */
    synchronized RemoteStunSocket acceptRemote(InetSocketAddress remote) throws SocketException {
        Component component = getParentComponent();
        if (freed || component == null
                || component.getParentStream().getParentAgent().getState() == IceProcessingState.FAILED) {
            return null;
        }
        RemoteStunSocket socket = new RemoteStunSocket(harvester.port(), remote, this);
        IceUdpSocketWrapper wrapper = new IceUdpSocketWrapper(socket);
        IceUdpSocketWrapper previous = remotes.put(remote, wrapper);
        if (previous != null) {
            unregister(remote, previous);
        }
        getStunStack().addSocket(wrapper, new TransportAddress(remote, Transport.UDP));
        harvester.claim(remote, socket);
        return socket;
    }

    @Override
    protected synchronized IceSocketWrapper getCandidateIceSocketWrapper(SocketAddress remoteAddress) {
        return remotes.get(remoteAddress);
    }

    @Override
    protected void free() {
        synchronized (this) {
            if (freed) {
                return;
            }
            freed = true;
            receiver = null;
            remotes.forEach(this::unregister);
            remotes.clear();
        }
        harvester.forget(this);
        super.free();
    }

    private void unregister(InetSocketAddress remote, IceUdpSocketWrapper wrapper) {
        StunStack stack = getStunStack();
        if (stack != null) {
            stack.removeSocket(getTransportAddress(), new TransportAddress(remote, Transport.UDP));
        }
        wrapper.close();
        harvester.forget(remote, (RemoteStunSocket) wrapper.getUDPSocket());
    }
}
