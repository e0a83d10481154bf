package dev.switchyard.sdp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One media section (RFC 8866 §5.14): {@code m=<kind> <port>[/<count>] <proto> <fmt>...} followed by optional
 * {@code i= c= b= k=} lines and its attributes.
 */
public final class MediaDescription {

    public static final String AUDIO = "audio";
    public static final String VIDEO = "video";
    public static final String APPLICATION = "application";
    /** The RTP profile every WebRTC audio/video section uses (RFC 8829 §5.1.2). */
    public static final String PROTOCOL_RTP = "UDP/TLS/RTP/SAVPF";
    /** The data channel profile (RFC 8841 §4.1). */
    public static final String PROTOCOL_SCTP = "UDP/DTLS/SCTP";
    /** {@link #portCount()} when the m= line has no {@code /<count>}. */
    public static final int NO_PORT_COUNT = 0;

    private String kind;
    private int port;
    private int portCount = NO_PORT_COUNT;
    private String protocol;
    private List<String> formats;
    private ConnectionData connection;
    private final List<Bandwidth> bandwidths = new ArrayList<>();
    private final List<SdpLine> otherLines = new ArrayList<>();
    private final Attributes attributes = new Attributes();

    /**
     * @param formats RTP payload types as decimal strings, or e.g. {@code webrtc-datachannel}; at least one
     * @throws IllegalArgumentException if a field is empty, contains a space, or there are no formats
     */
    public MediaDescription(String kind, int port, String protocol, List<String> formats) {
        setKind(kind);
        setPort(port);
        setProtocol(protocol);
        setFormats(formats);
    }

    static MediaDescription parse(String value) {
        List<String> fields = SdpSyntax.split(value, ' ', "m=");
        if (fields.size() < 4) {
            throw new SdpParseException("m=: expected <media> <port> <proto> <fmt>... but found " + fields.size()
                    + " fields");
        }
        String kind = SdpSyntax.requireToken(fields.get(0), "m= media");
        List<String> portAndCount = SdpSyntax.split(fields.get(1), '/', "m= port");
        if (portAndCount.size() > 2) {
            throw new SdpParseException("m=: invalid port '" + fields.get(1) + "'");
        }
        int port = SdpSyntax.parseInt(portAndCount.get(0), 0, SdpSyntax.MAX_PORT, "m= port");
        for (String part : SdpSyntax.split(fields.get(2), '/', "m= proto")) {
            SdpSyntax.requireToken(part, "m= proto");
        }
        List<String> formats = fields.subList(3, fields.size());
        formats.forEach(format -> SdpSyntax.requireToken(format, "m= fmt"));
        MediaDescription media = new MediaDescription(kind, port, fields.get(2), formats);
        if (portAndCount.size() == 2) {
            media.setPortCount(SdpSyntax.parseInt(portAndCount.get(1), 1, SdpSyntax.MAX_PORT, "m= port count"));
        }
        return media;
    }

    public String kind() {
        return kind;
    }

    public MediaDescription setKind(String kind) {
        this.kind = SdpSyntax.requireField(kind, "kind");
        return this;
    }

    public int port() {
        return port;
    }

    /** Port 0 rejects the section unless it is {@code a=bundle-only} (RFC 8843 §7.3.3). */
    public MediaDescription setPort(int port) {
        if (port < 0 || port > SdpSyntax.MAX_PORT) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        this.port = port;
        return this;
    }

    public int portCount() {
        return portCount;
    }

    public MediaDescription setPortCount(int portCount) {
        if (portCount < NO_PORT_COUNT || portCount > SdpSyntax.MAX_PORT) {
            throw new IllegalArgumentException("port count out of range: " + portCount);
        }
        this.portCount = portCount;
        return this;
    }

    public String protocol() {
        return protocol;
    }

    public MediaDescription setProtocol(String protocol) {
        this.protocol = SdpSyntax.requireField(protocol, "protocol");
        return this;
    }

    /** Read-only. */
    public List<String> formats() {
        return formats;
    }

    public MediaDescription setFormats(List<String> formats) {
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("an m= line needs at least one format");
        }
        formats.forEach(format -> SdpSyntax.requireField(format, "format"));
        this.formats = List.copyOf(formats);
        return this;
    }

    public Optional<ConnectionData> connection() {
        return Optional.ofNullable(connection);
    }

    /** @param connection null to drop the {@code c=} line */
    public MediaDescription setConnection(ConnectionData connection) {
        this.connection = connection;
        return this;
    }

    /** Live, mutable, in document order. */
    public List<Bandwidth> bandwidths() {
        return bandwidths;
    }

    /** Read-only {@code i=} and {@code k=} lines. */
    public List<SdpLine> otherLines() {
        return Collections.unmodifiableList(otherLines);
    }

    void addOtherLine(SdpLine line) {
        otherLines.add(line);
    }

    public Attributes attributes() {
        return attributes;
    }

    /** Shortcut for {@code attributes().mid()}. */
    public Optional<String> mid() {
        return attributes.mid();
    }

    /** Port 0 without {@code a=bundle-only}: the answerer rejected or the offerer stopped this section. */
    public boolean isRejected() {
        return port == 0 && !attributes.bundleOnly();
    }

    void appendTo(StringBuilder out) {
        StringBuilder mLine = new StringBuilder(kind).append(' ').append(port);
        if (portCount != NO_PORT_COUNT) {
            mLine.append('/').append(portCount);
        }
        mLine.append(' ').append(protocol).append(' ').append(String.join(" ", formats));
        SdpWriter.line(out, 'm', mLine);
        SdpWriter.otherLines(out, otherLines, "i");
        if (connection != null) {
            SdpWriter.line(out, 'c', connection);
        }
        bandwidths.forEach(bandwidth -> SdpWriter.line(out, 'b', bandwidth));
        SdpWriter.otherLines(out, otherLines, "k");
        SdpWriter.attributes(out, attributes);
    }

    /** This section alone, CRLF terminated. */
    public String serialize() {
        StringBuilder out = new StringBuilder();
        appendTo(out);
        return out.toString();
    }

    @Override
    public String toString() {
        return serialize();
    }
}
