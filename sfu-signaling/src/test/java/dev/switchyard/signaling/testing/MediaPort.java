package dev.switchyard.signaling.testing;

import java.io.IOException;
import java.net.InetAddress;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.switchyard.conference.RoomManager;
import dev.switchyard.transport.TransportContext;
import dev.switchyard.transport.ice.IceSettings;
import dev.switchyard.transport.ice.ServerIcePorts;

/**
 * A media port on loopback and its transport context, bound once for a test class
 * ({@code @RegisterExtension static final MediaPort MEDIA = new MediaPort();}): what a room manager needs, so that
 * signaling tests can run real participants.
 */
public final class MediaPort implements BeforeAllCallback, AfterAllCallback {

    private TransportContext transports;
    private ServerIcePorts ports;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        transports = new TransportContext(TransportContext.Settings.DEFAULTS);
        ports = ServerIcePorts.bind(IceSettings.DEFAULTS, InetAddress.getLoopbackAddress(), 0, -1, null);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ports.close();
        transports.close();
    }

    /** A room manager on this media port; the test closes it. */
    public RoomManager newRoomManager() {
        return new RoomManager(transports, ports);
    }
}
