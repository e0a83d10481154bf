package dev.switchyard.sdp;

import java.util.List;

/** {@code c=<nettype> <addrtype> <connection-address>} (RFC 8866 §5.7); WebRTC writes {@code IN IP4 0.0.0.0}. */
public record ConnectionData(String netType, String addressType, String address) {

    public ConnectionData {
        SdpSyntax.requireField(netType, "netType");
        SdpSyntax.requireField(addressType, "addressType");
        SdpSyntax.requireField(address, "address");
    }

    public static ConnectionData ipv4(String address) {
        return new ConnectionData("IN", "IP4", address);
    }

    public static ConnectionData ipv6(String address) {
        return new ConnectionData("IN", "IP6", address);
    }

    static ConnectionData parse(String value) {
        List<String> fields = SdpSyntax.split(value, ' ', 3, "c=");
        return new ConnectionData(fields.get(0), fields.get(1), fields.get(2));
    }

    @Override
    public String toString() {
        return netType + ' ' + addressType + ' ' + address;
    }
}
