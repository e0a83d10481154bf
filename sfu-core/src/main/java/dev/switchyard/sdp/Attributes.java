package dev.switchyard.sdp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The ordered {@code a=} lines of a session or media section. Lines are stored verbatim so unknown attributes and
 * the original order survive a round trip; the typed getters parse on demand and the typed setters replace the
 * first line of the same name in place (appending when there is none), so an edited answer keeps its layout.
 * Attributes that may appear at either level (ICE credentials, fingerprint, setup, direction) are available on
 * both; RFC 8866 §5.13 makes a media-level value override the session-level one.
 *
 * <p>Every mutator validates attributes the typed getters understand and throws {@link SdpParseException} for a
 * malformed one, which keeps the getters themselves from ever failing.
 */
public final class Attributes implements Iterable<Attribute> {

    public static final String MID = "mid";
    public static final String ICE_UFRAG = "ice-ufrag";
    public static final String ICE_PWD = "ice-pwd";
    public static final String ICE_OPTIONS = "ice-options";
    public static final String ICE_LITE = "ice-lite";
    public static final String END_OF_CANDIDATES = "end-of-candidates";
    public static final String RTCP_MUX = "rtcp-mux";
    public static final String RTCP_RSIZE = "rtcp-rsize";
    public static final String BUNDLE_ONLY = "bundle-only";
    public static final String SCTP_PORT = "sctp-port";
    public static final String MAX_MESSAGE_SIZE = "max-message-size";

    /** Property attributes that must not carry a value. */
    private static final Set<String> FLAGS = Set.of(ICE_LITE, END_OF_CANDIDATES, RTCP_MUX, RTCP_RSIZE, BUNDLE_ONLY,
            Direction.SENDRECV.token(), Direction.SENDONLY.token(), Direction.RECVONLY.token(),
            Direction.INACTIVE.token());

    /** Value attributes checked whenever a line is added, so the typed getters never fail. */
    private static final Map<String, Function<String, ?>> VALUE_PARSERS = Map.ofEntries(
            Map.entry(Candidate.NAME, Candidate::parse),
            Map.entry(Extmap.NAME, Extmap::parse),
            Map.entry(Fingerprint.NAME, Fingerprint::parse),
            Map.entry(Fmtp.NAME, Fmtp::parse),
            Map.entry(Group.NAME, Group::parse),
            Map.entry(Msid.NAME, Msid::parse),
            Map.entry(Rid.NAME, Rid::parse),
            Map.entry(RtcpFeedback.NAME, RtcpFeedback::parse),
            Map.entry(RtpMap.NAME, RtpMap::parse),
            Map.entry(Setup.NAME, Setup::parse),
            Map.entry(Simulcast.NAME, Simulcast::parse),
            Map.entry(Ssrc.NAME, Ssrc::parse),
            Map.entry(SsrcGroup.NAME, SsrcGroup::parse),
            Map.entry(MID, Attributes::parseMid),
            Map.entry(ICE_UFRAG, value -> parseIceCredential(value, ICE_UFRAG)),
            Map.entry(ICE_PWD, value -> parseIceCredential(value, ICE_PWD)),
            Map.entry(ICE_OPTIONS, Attributes::parseIceOptions),
            Map.entry(SCTP_PORT, Attributes::parseSctpPort),
            Map.entry(MAX_MESSAGE_SIZE, Attributes::parseMaxMessageSize));

    private final List<Attribute> lines = new ArrayList<>();

    /** Checks an attribute the typed getters understand; unknown names always pass. */
    private static void validate(Attribute attribute) {
        String name = attribute.name();
        if (FLAGS.contains(name)) {
            if (!attribute.isFlag()) {
                throw new SdpParseException("a=" + name + " takes no value");
            }
            return;
        }
        Function<String, ?> parser = VALUE_PARSERS.get(name);
        if (parser != null) {
            if (attribute.isFlag()) {
                throw new SdpParseException("a=" + name + " requires a value");
            }
            parser.apply(attribute.value());
        }
    }

    /** Read-only view in document order. */
    public List<Attribute> asList() {
        return Collections.unmodifiableList(lines);
    }

    @Override
    public Iterator<Attribute> iterator() {
        return asList().iterator();
    }

    public int size() {
        return lines.size();
    }

    public boolean has(String name) {
        return lines.stream().anyMatch(a -> a.name().equals(name));
    }

    /** Value of the first attribute called {@code name}; empty when absent or a property attribute. */
    public Optional<String> value(String name) {
        return lines.stream().filter(a -> a.name().equals(name)).findFirst().map(Attribute::value);
    }

    public List<String> values(String name) {
        return lines.stream().filter(a -> a.name().equals(name) && !a.isFlag()).map(Attribute::value).toList();
    }

    /** @throws SdpParseException if an attribute the typed getters understand is malformed */
    public Attributes add(Attribute attribute) {
        validate(attribute);
        lines.add(attribute);
        return this;
    }

    public Attributes add(TypedAttribute attribute) {
        return add(attribute.toAttribute());
    }

    /**
     * Replaces the first attribute of the same name in place and drops the others, or appends.
     *
     * @throws SdpParseException if an attribute the typed getters understand is malformed
     */
    public Attributes set(Attribute attribute) {
        validate(attribute);
        return replace(a -> a.name().equals(attribute.name()), attribute);
    }

    public Attributes set(TypedAttribute attribute) {
        return set(attribute.toAttribute());
    }

    /** Adds or removes a property attribute such as {@link #RTCP_MUX}. */
    public Attributes setFlag(String name, boolean present) {
        return present ? set(Attribute.flag(name)) : remove(name);
    }

    public Attributes remove(String name) {
        lines.removeIf(a -> a.name().equals(name));
        return this;
    }

    public Attributes removeIf(Predicate<Attribute> filter) {
        lines.removeIf(filter);
        return this;
    }

    public Optional<String> mid() {
        return first(MID, Attributes::parseMid);
    }

    public Attributes setMid(String mid) {
        return set(new Attribute(MID, mid));
    }

    /** Media direction written at this level; RFC 3264 §5.1 defaults to sendrecv when neither level has one. */
    public Optional<Direction> direction() {
        return lines.stream().map(a -> Direction.fromToken(a.name())).flatMap(Optional::stream).findFirst();
    }

    public Attributes setDirection(Direction direction) {
        return replace(a -> Direction.fromToken(a.name()).isPresent(), direction.toAttribute());
    }

    public List<Msid> msids() {
        return all(Msid.NAME, Msid::parse);
    }

    public List<Group> groups() {
        return all(Group.NAME, Group::parse);
    }

    public Optional<Group> group(String semantics) {
        return groups().stream().filter(g -> g.semantics().equals(semantics)).findFirst();
    }

    public List<RtpMap> rtpMaps() {
        return all(RtpMap.NAME, RtpMap::parse);
    }

    public Optional<RtpMap> rtpMap(int payloadType) {
        return rtpMaps().stream().filter(m -> m.payloadType() == payloadType).findFirst();
    }

    public List<Fmtp> fmtps() {
        return all(Fmtp.NAME, Fmtp::parse);
    }

    public Optional<Fmtp> fmtp(int payloadType) {
        return fmtps().stream().filter(f -> f.payloadType() == payloadType).findFirst();
    }

    public List<RtcpFeedback> rtcpFeedbacks() {
        return all(RtcpFeedback.NAME, RtcpFeedback::parse);
    }

    /** Feedback for one payload type, including {@code *} wildcard lines. */
    public List<RtcpFeedback> rtcpFeedbacks(int payloadType) {
        return rtcpFeedbacks().stream().filter(f -> f.appliesTo(payloadType)).toList();
    }

    public List<Extmap> extmaps() {
        return all(Extmap.NAME, Extmap::parse);
    }

    public Optional<Extmap> extmap(String uri) {
        return extmaps().stream().filter(e -> e.uri().equals(uri)).findFirst();
    }

    public List<Ssrc> ssrcs() {
        return all(Ssrc.NAME, Ssrc::parse);
    }

    public List<SsrcGroup> ssrcGroups() {
        return all(SsrcGroup.NAME, SsrcGroup::parse);
    }

    public List<Rid> rids() {
        return all(Rid.NAME, Rid::parse);
    }

    public Optional<Simulcast> simulcast() {
        return first(Simulcast.NAME, Simulcast::parse);
    }

    public List<Candidate> candidates() {
        return all(Candidate.NAME, Candidate::parse);
    }

    public boolean endOfCandidates() {
        return has(END_OF_CANDIDATES);
    }

    public Optional<String> iceUfrag() {
        return first(ICE_UFRAG, value -> parseIceCredential(value, ICE_UFRAG));
    }

    public Attributes setIceUfrag(String ufrag) {
        return set(new Attribute(ICE_UFRAG, ufrag));
    }

    public Optional<String> icePwd() {
        return first(ICE_PWD, value -> parseIceCredential(value, ICE_PWD));
    }

    public Attributes setIcePwd(String pwd) {
        return set(new Attribute(ICE_PWD, pwd));
    }

    /** Options of the first {@code a=ice-options} line, e.g. {@code trickle}; empty when absent. */
    public List<String> iceOptions() {
        return first(ICE_OPTIONS, Attributes::parseIceOptions).orElse(List.of());
    }

    public Attributes setIceOptions(List<String> options) {
        return set(new Attribute(ICE_OPTIONS, String.join(" ", options)));
    }

    public boolean iceLite() {
        return has(ICE_LITE);
    }

    public List<Fingerprint> fingerprints() {
        return all(Fingerprint.NAME, Fingerprint::parse);
    }

    public Optional<Setup> setup() {
        return first(Setup.NAME, Setup::parse);
    }

    public boolean rtcpMux() {
        return has(RTCP_MUX);
    }

    public boolean rtcpReducedSize() {
        return has(RTCP_RSIZE);
    }

    public boolean bundleOnly() {
        return has(BUNDLE_ONLY);
    }

    public OptionalInt sctpPort() {
        return first(SCTP_PORT, Attributes::parseSctpPort).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    public OptionalLong maxMessageSize() {
        return first(MAX_MESSAGE_SIZE, Attributes::parseMaxMessageSize)
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    private Attributes replace(Predicate<Attribute> sameKind, Attribute replacement) {
        int index = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (sameKind.test(lines.get(i))) {
                index = i;
                break;
            }
        }
        if (index < 0) {
            lines.add(replacement);
            return this;
        }
        lines.set(index, replacement);
        for (int i = lines.size() - 1; i > index; i--) {
            if (sameKind.test(lines.get(i))) {
                lines.remove(i);
            }
        }
        return this;
    }

    private <T> List<T> all(String name, Function<String, T> parser) {
        return lines.stream().filter(a -> a.name().equals(name)).map(a -> parser.apply(a.value())).toList();
    }

    private <T> Optional<T> first(String name, Function<String, T> parser) {
        return lines.stream().filter(a -> a.name().equals(name)).findFirst().map(a -> parser.apply(a.value()));
    }

    /** RFC 5888 §4: a mid is an identification-tag, which is a token. */
    private static String parseMid(String value) {
        return SdpSyntax.requireToken(value, "a=mid");
    }

    /**
     * RFC 8839 §5.4: credentials are ice-chars. The 4/22 minimum lengths are not enforced because the password is
     * only compared, never derived from, and rejecting a short one helps nobody.
     */
    private static String parseIceCredential(String value, String name) {
        if (!Candidate.isIceChars(value) || value.length() > 256) {
            throw new SdpParseException("a=" + name + ": invalid value '" + value + "'");
        }
        return value;
    }

    private static List<String> parseIceOptions(String value) {
        return SdpSyntax.split(value, ' ', "a=ice-options").stream()
                .map(option -> SdpSyntax.requireToken(option, "a=ice-options"))
                .toList();
    }

    private static int parseSctpPort(String value) {
        return SdpSyntax.parseInt(value, 0, SdpSyntax.MAX_PORT, "a=sctp-port");
    }

    /** RFC 8841 §6: 0 means no limit. */
    private static long parseMaxMessageSize(String value) {
        return SdpSyntax.parseNumber(value, 0, Long.MAX_VALUE, "a=max-message-size");
    }
}
