package dev.switchyard.benchmarks;

import dev.switchyard.rtp.HeaderExtensionCursor;
import dev.switchyard.rtp.RtpPacket;
import dev.switchyard.rtp.extension.AudioLevel;
import dev.switchyard.rtp.extension.SdesIdentifier;
import dev.switchyard.rtp.extension.TransportSequenceNumber;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * What an SFU reads from every incoming RTP packet before routing it: the fixed header, the transport-wide
 * sequence number for congestion-control feedback, and the mid (and rid for simulcast video) that select the
 * stream. Audio also reads the audio level for active-speaker detection.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RtpParseBenchmark {

    private final RtpPacket packet = new RtpPacket();
    private final HeaderExtensionCursor cursor = new HeaderExtensionCursor();
    private final byte[] video = new byte[ChromiumRtp.VIDEO_LENGTH];
    private final byte[] audio = new byte[ChromiumRtp.AUDIO_LENGTH];
    private int videoLength;
    private int audioLength;

    @Setup
    public void setUp() {
        videoLength = ChromiumRtp.writeVideo(video, 4711, 321);
        audioLength = ChromiumRtp.writeAudio(audio, 1234, 322);
        requireParses(video, videoLength, ChromiumRtp.VIDEO_MID, 321);
        requireParses(audio, audioLength, ChromiumRtp.AUDIO_MID, 322);
    }

    @Benchmark
    public void video(Blackhole blackhole) {
        readHeaderAndRouting(video, videoLength, ChromiumRtp.VIDEO_MID, blackhole);
        blackhole.consume(cursor.find(ChromiumRtp.RTP_STREAM_ID_ID)
                && SdesIdentifier.matches(video, cursor.valueOffset(), cursor.valueLength(), ChromiumRtp.VIDEO_RID));
    }

    @Benchmark
    public void audio(Blackhole blackhole) {
        readHeaderAndRouting(audio, audioLength, ChromiumRtp.AUDIO_MID, blackhole);
        blackhole.consume(cursor.find(ChromiumRtp.AUDIO_LEVEL_ID)
                ? AudioLevel.read(audio, cursor.valueOffset(), cursor.valueLength())
                : AudioLevel.INVALID);
    }

    /** Wraps the packet and its extensions, leaving the cursor ready for further lookups. */
    private void readHeaderAndRouting(byte[] buffer, int length, byte[] mid, Blackhole blackhole) {
        if (!packet.wrap(buffer, 0, length) || !cursor.wrap(packet)) {
            blackhole.consume(false);
            return;
        }
        blackhole.consume(packet.ssrc());
        blackhole.consume(packet.sequenceNumber());
        blackhole.consume(packet.timestamp());
        blackhole.consume(packet.marker());
        blackhole.consume(packet.payloadType());
        blackhole.consume(packet.payloadOffset());
        blackhole.consume(packet.payloadLength());
        blackhole.consume(cursor.find(ChromiumRtp.TRANSPORT_CC_ID)
                ? TransportSequenceNumber.read(buffer, cursor.valueOffset(), cursor.valueLength())
                : TransportSequenceNumber.INVALID);
        blackhole.consume(cursor.find(ChromiumRtp.MID_ID)
                && SdesIdentifier.matches(buffer, cursor.valueOffset(), cursor.valueLength(), mid));
    }

    private void requireParses(byte[] buffer, int length, byte[] mid, int transportSequenceNumber) {
        boolean valid = packet.wrap(buffer, 0, length)
                && cursor.wrap(packet)
                && cursor.find(ChromiumRtp.TRANSPORT_CC_ID)
                && TransportSequenceNumber.read(buffer, cursor.valueOffset(), cursor.valueLength())
                        == transportSequenceNumber
                && cursor.find(ChromiumRtp.MID_ID)
                && SdesIdentifier.matches(buffer, cursor.valueOffset(), cursor.valueLength(), mid);
        if (!valid) {
            throw new IllegalStateException("benchmark packet does not parse as built");
        }
    }
}
