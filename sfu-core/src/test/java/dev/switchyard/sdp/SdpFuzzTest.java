package dev.switchyard.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import org.junit.jupiter.api.Test;

/**
 * Offers arrive from browsers over a WebSocket, so the parser must survive anything. Mutates the captured fixtures
 * (characters, numbers, whole lines) and adds synthetic attribute lines; every input must either parse into a
 * description that serializes back to the input and whose typed views all work, or fail with
 * {@link SdpParseException} pointing at a real line. Seeded, so failures reproduce.
 */
class SdpFuzzTest {

    private static final int INPUTS = 30_000;

    private static final String[] ALPHABET = {"0", "1", "9", "a", "Z", " ", ":", "/", ";", ",", "=", "~", "-", "*",
        "{", "\r", "\n", "\u0000", "\t", "\u0661", "\uFF11", "\u00e9", "typ", "pt="};
    private static final String[] NUMBERS = {"0", "-1", "+1", "007", "255", "256", "4096", "65536", "4294967295",
        "4294967296", "99999999999999999999", "1e3", ""};
    private static final String[] PREFIXES = {"a=candidate:", "a=extmap:", "a=rid:", "a=simulcast:", "a=ssrc:",
        "a=ssrc-group:", "a=rtpmap:", "a=fmtp:", "a=rtcp-fb:", "a=fingerprint:", "a=setup:", "a=group:", "a=msid:",
        "a=mid:", "a=ice-ufrag:", "a=ice-pwd:", "a=ice-options:", "a=sctp-port:", "a=max-message-size:",
        "a=sendrecv", "a=rtcp-mux", "a=end-of-candidates", "a=", "m=", "c=", "b=", "t=", "o=", "v=", "s=", "i=",
        "k=", "z=", "x=", "=", ""};
    private static final String[] WORDS = {"1", "2", "send", "recv", "q;h;f", "~q", "a,b", "udp", "typ", "host",
        "raddr", "rport", "generation", "9", "sha-256", "AB:CD", "pt=96,97", "max-width=1280", "FID", "BUNDLE",
        "VP8/90000", "opus/48000/2", "nack", "pli", "*", "1/sendonly", "urn:x", "IN", "IP4", "0.0.0.0", "audio",
        "UDP/TLS/RTP/SAVPF", "AS:30", "actpass", "cname:x", ""};

    @Test
    void onlySdpParseExceptionEverEscapes() {
        List<String> seeds = SdpFixtures.names().stream().map(SdpFixtures::read).toList();
        SplittableRandom random = new SplittableRandom(0x5D9_2025L);
        int accepted = 0;
        int rejected = 0;
        for (int i = 0; i < INPUTS; i++) {
            String input = mutate(seeds.get(random.nextInt(seeds.size())), random);
            if (check(input)) {
                accepted++;
            } else {
                rejected++;
            }
        }
        assertEquals(INPUTS, accepted + rejected);
        assertTrue(accepted > INPUTS / 20, "too few mutants parse to exercise the typed views: " + accepted);
        assertTrue(rejected > INPUTS / 4, "too few mutants are malformed to exercise the errors: " + rejected);
    }

    /** The same check driven by Jazzer's coverage feedback (corpus in SdpFuzzTestInputs). */
    @FuzzTest(maxDuration = "90s")
    void coverageGuided(@NotNull String input) {
        check(input);
    }

    /** True when the input parsed; fails the test on any exception other than a well-formed SdpParseException. */
    private static boolean check(String input) {
        SessionDescription session;
        try {
            session = SessionDescription.parse(input);
        } catch (SdpParseException e) {
            int lines = Math.max(1, normalize(input).split("\r\n", -1).length - 1);
            if (e.lineNumber() < 1 || e.lineNumber() > lines) {
                fail("line " + e.lineNumber() + " outside 1.." + lines + " for " + describe(input), e);
            }
            return false;
        } catch (RuntimeException e) {
            fail("unexpected " + e + " for " + describe(input), e);
            return false;
        }
        try {
            assertEquals(normalize(input), session.serialize(), describe(input));
            touchTypedViews(session.attributes());
            for (MediaDescription media : session.media()) {
                touchTypedViews(media.attributes());
                session.directionOf(media);
                media.isRejected();
            }
            session.bundleMids();
        } catch (RuntimeException e) {
            fail("typed view failed after a successful parse: " + e + " for " + describe(input), e);
        }
        return true;
    }

    private static void touchTypedViews(Attributes a) {
        a.mid();
        a.direction();
        a.msids();
        a.groups();
        a.rtpMaps();
        a.fmtps().forEach(Fmtp::parameterMap);
        a.rtcpFeedbacks();
        a.extmaps();
        a.ssrcs();
        a.ssrcGroups();
        a.rids();
        a.simulcast();
        a.candidates().forEach(Candidate::toTrickle);
        a.iceUfrag();
        a.icePwd();
        a.iceOptions();
        a.fingerprints().forEach(Fingerprint::digest);
        a.setup();
        a.sctpPort();
        a.maxMessageSize();
    }

    private static String mutate(String seed, SplittableRandom random) {
        List<String> lines = new ArrayList<>(List.of(seed.split("\r\n")));
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            int index = random.nextInt(lines.size());
            String line = lines.get(index);
            switch (random.nextInt(8)) {
                case 0 -> lines.set(index, replaceChar(line, random));
                case 1 -> lines.set(index, replaceNumber(line, random));
                case 2 -> lines.remove(index);
                case 3 -> lines.add(index, line);
                case 4 -> {
                    int other = random.nextInt(lines.size());
                    lines.set(index, lines.get(other));
                    lines.set(other, line);
                }
                case 5 -> lines.add(index, syntheticLine(random));
                case 6 -> lines.set(index, line.substring(0, random.nextInt(line.length() + 1)));
                default -> lines.set(index, line.replaceFirst(" ", random.nextBoolean() ? "  " : ""));
            }
            if (lines.isEmpty()) {
                lines.add(syntheticLine(random));
            }
        }
        String text = String.join(random.nextInt(4) == 0 ? "\n" : "\r\n", lines);
        return random.nextInt(8) == 0 ? text : text + "\r\n";
    }

    private static String replaceChar(String line, SplittableRandom random) {
        int at = random.nextInt(line.length() + 1);
        String replacement = ALPHABET[random.nextInt(ALPHABET.length)];
        return line.substring(0, at) + replacement + line.substring(Math.min(line.length(), at + 1));
    }

    /** Swaps one run of digits for an edge value, where range and overflow bugs hide. */
    private static String replaceNumber(String line, SplittableRandom random) {
        List<int[]> runs = new ArrayList<>();
        for (int i = 0; i < line.length(); i++) {
            if (Character.isDigit(line.charAt(i))) {
                int start = i;
                while (i < line.length() && Character.isDigit(line.charAt(i))) {
                    i++;
                }
                runs.add(new int[] {start, i});
            }
        }
        if (runs.isEmpty()) {
            return line;
        }
        int[] run = runs.get(random.nextInt(runs.size()));
        return line.substring(0, run[0]) + NUMBERS[random.nextInt(NUMBERS.length)] + line.substring(run[1]);
    }

    private static String syntheticLine(SplittableRandom random) {
        StringBuilder line = new StringBuilder(PREFIXES[random.nextInt(PREFIXES.length)]);
        int words = random.nextInt(12);
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                line.append(' ');
            }
            line.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return line.toString();
    }

    /** What serialize() must produce for accepted input: each line CR-stripped, CRLF after every line. */
    private static String normalize(String input) {
        StringBuilder out = new StringBuilder();
        int start = 0;
        while (start < input.length()) {
            int newline = input.indexOf('\n', start);
            int end = newline < 0 ? input.length() : newline;
            int contentEnd = end > start && input.charAt(end - 1) == '\r' ? end - 1 : end;
            out.append(input, start, contentEnd).append("\r\n");
            start = end + 1;
        }
        return out.toString();
    }

    private static String describe(String input) {
        return "input:\n" + input.replace("\r", "\\r").replace("\u0000", "\\0");
    }
}
