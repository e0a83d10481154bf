package dev.switchyard.sdp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A session description (RFC 8866) as WebRTC uses it: session lines, session attributes and media sections.
 * {@link #parse} keeps every line, so {@link #serialize} reproduces the input byte for byte (with CRLF endings);
 * the same model builds answers:
 *
 * <pre>{@code
 * SessionDescription answer = new SessionDescription(Origin.of("4611731400430051336", 2));
 * answer.attributes().add(Group.bundle(List.of("0")));
 * MediaDescription audio = new MediaDescription("audio", 9, MediaDescription.PROTOCOL_RTP, List.of("111"))
 *         .setConnection(ConnectionData.ipv4("0.0.0.0"));
 * audio.attributes().setIceUfrag(ufrag).setIcePwd(pwd).set(fingerprint).set(Setup.PASSIVE).setMid("0")
 *         .setDirection(Direction.RECVONLY).setFlag(Attributes.RTCP_MUX, true)
 *         .add(new RtpMap(111, "opus", 48000, 2));
 * answer.addMedia(audio);
 * String sdp = answer.serialize();
 * }</pre>
 */
public final class SessionDescription {

    private Origin origin;
    private String sessionName = "-";
    private Timing timing = Timing.UNBOUNDED;
    private ConnectionData connection;
    private final List<Bandwidth> bandwidths = new ArrayList<>();
    private final List<SdpLine> otherLines = new ArrayList<>();
    private final Attributes attributes = new Attributes();
    private final List<MediaDescription> media = new ArrayList<>();

    /** An empty description with {@code s=-} and {@code t=0 0}, as RFC 8829 §5.2.1 prescribes. */
    public SessionDescription(Origin origin) {
        setOrigin(origin);
    }

    /**
     * Parses SDP text with CRLF or LF line endings.
     *
     * @throws SdpParseException for any malformed input, never another exception
     */
    public static SessionDescription parse(String text) {
        return SdpParser.parse(text);
    }

    public Origin origin() {
        return origin;
    }

    public SessionDescription setOrigin(Origin origin) {
        this.origin = Objects.requireNonNull(origin, "origin");
        return this;
    }

    public String sessionName() {
        return sessionName;
    }

    public SessionDescription setSessionName(String sessionName) {
        this.sessionName = SdpSyntax.requireLineText(sessionName, "session name");
        return this;
    }

    public Timing timing() {
        return timing;
    }

    public SessionDescription setTiming(Timing timing) {
        this.timing = Objects.requireNonNull(timing, "timing");
        return this;
    }

    public Optional<ConnectionData> connection() {
        return Optional.ofNullable(connection);
    }

    /** @param connection null to drop the session-level {@code c=} line */
    public SessionDescription setConnection(ConnectionData connection) {
        this.connection = connection;
        return this;
    }

    /** Live, mutable, in document order. */
    public List<Bandwidth> bandwidths() {
        return bandwidths;
    }

    /** Read-only {@code i= u= e= p= r= z= k=} lines. */
    public List<SdpLine> otherLines() {
        return Collections.unmodifiableList(otherLines);
    }

    void addOtherLine(SdpLine line) {
        otherLines.add(line);
    }

    public Attributes attributes() {
        return attributes;
    }

    /** Live, mutable, in m= line order. */
    public List<MediaDescription> media() {
        return media;
    }

    public SessionDescription addMedia(MediaDescription section) {
        media.add(Objects.requireNonNull(section, "section"));
        return this;
    }

    public Optional<MediaDescription> mediaByMid(String mid) {
        return media.stream().filter(m -> m.mid().filter(mid::equals).isPresent()).findFirst();
    }

    /** Mids of the first {@code a=group:BUNDLE} (RFC 9143 §7.1); empty when there is none. */
    public List<String> bundleMids() {
        return attributes.group(Group.BUNDLE).map(Group::mids).orElse(List.of());
    }

    /**
     * The direction in force for {@code section}: its own attribute, else the session-level one (Firefox writes
     * one there), else sendrecv (RFC 3264 §5.1).
     */
    public Direction directionOf(MediaDescription section) {
        return section.attributes().direction()
                .or(attributes::direction)
                .orElse(Direction.SENDRECV);
    }

    /** The SDP text with CRLF line endings (RFC 8866 §5), fields in RFC 8866 order. */
    public String serialize() {
        StringBuilder out = new StringBuilder();
        SdpWriter.line(out, 'v', "0");
        SdpWriter.line(out, 'o', origin);
        SdpWriter.line(out, 's', sessionName);
        SdpWriter.otherLines(out, otherLines, "iuep");
        if (connection != null) {
            SdpWriter.line(out, 'c', connection);
        }
        bandwidths.forEach(bandwidth -> SdpWriter.line(out, 'b', bandwidth));
        SdpWriter.line(out, 't', timing);
        SdpWriter.otherLines(out, otherLines, "rzk");
        SdpWriter.attributes(out, attributes);
        media.forEach(section -> section.appendTo(out));
        return out.toString();
    }

    @Override
    public String toString() {
        return serialize();
    }
}
