package dev.switchyard.benchmarks;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import dev.switchyard.buffer.PacketBuffer;
import dev.switchyard.rtp.RtpPacket;
import dev.switchyard.transport.srtp.SrtpProfile;
import dev.switchyard.transport.srtp.SrtpSession;

/**
 * SRTP protection of one RTP packet in place, as the forwarding path does it for every subscriber.
 *
 * <p>Each invocation gives the packet the next sequence number (wrapping at 2^16, so the rollover counter
 * advances many times per run) and resets its length to the cleartext length. {@link #protect} then
 * encrypts whatever payload bytes are there: after the first call that is the previous ciphertext, which
 * costs the same as media. {@link #protectAndUnprotect} protects with the sender's session and unprotects
 * with the receiver's, which restores the cleartext and, as every packet is new to the receiver, never trips
 * replay protection; unprotect alone costs the difference of the two. {@link #checkNothingRejected} fails
 * the run if any packet was rejected, so a fast failure path cannot pass for a fast cipher.
 */
@Fork(jvmArgsAppend = {SrtpFixtures.OPEN_AES_ENGINE, SrtpFixtures.OPEN_SHA1_ENGINE})
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SrtpBenchmark {

    /** Which {@link ChromiumRtp} packet is protected. */
    public enum Media {
        /** {@value ChromiumRtp#VIDEO_LENGTH}-byte VP8 packet. */
        VIDEO,
        /** {@value ChromiumRtp#AUDIO_LENGTH}-byte Opus packet. */
        AUDIO
    }

    @Param({"AES128_CM_HMAC_SHA1_80", "AEAD_AES_128_GCM"})
    public SrtpProfile profile;

    @Param({"VIDEO", "AUDIO"})
    public Media media;

    private final PacketBuffer packet = PacketBuffer.allocate();
    private final RtpPacket header = new RtpPacket();
    private SrtpSession sender;
    private SrtpSession receiver;
    private int cleartextLength;
    private int sequenceNumber;

    @Setup
    public void setUp() {
        sender = new SrtpSession(SrtpFixtures.keys(profile, 0x11, 0x22, 0x33, 0x44));
        receiver = new SrtpSession(SrtpFixtures.keys(profile, 0x33, 0x44, 0x11, 0x22));

        cleartextLength = media == Media.VIDEO
                ? ChromiumRtp.writeVideo(packet.buffer(), 0, 0)
                : ChromiumRtp.writeAudio(packet.buffer(), 0, 0);
        packet.setOffsetLength(0, cleartextLength);
        if (!header.wrap(packet.buffer(), 0, cleartextLength)) {
            throw new IllegalStateException("benchmark packet is not RTP");
        }
        requireRoundTrip();
    }

    @Benchmark
    public boolean protect() {
        nextPacket();
        return sender.protectRtp(packet);
    }

    @Benchmark
    public boolean protectAndUnprotect() {
        nextPacket();
        return sender.protectRtp(packet) && receiver.unprotectRtp(packet);
    }

    @TearDown
    public void checkNothingRejected() {
        SrtpSession.Counters protect = sender.stats().rtpProtect();
        SrtpSession.Counters unprotect = receiver.stats().rtpUnprotect();
        if (SrtpFixtures.rejected(protect) + SrtpFixtures.rejected(unprotect) != 0) {
            throw new IllegalStateException("packets were rejected: " + protect + ", " + unprotect);
        }
    }

    private void nextPacket() {
        sequenceNumber = (sequenceNumber + 1) & 0xFFFF;
        header.setSequenceNumber(sequenceNumber);
        packet.setOffsetLength(0, cleartextLength);
    }

    /** Proves in setup that the keys pair up: protection adds the tag and unprotection restores the bytes. */
    private void requireRoundTrip() {
        nextPacket();
        byte[] cleartext = Arrays.copyOf(packet.buffer(), cleartextLength);
        if (!sender.protectRtp(packet) || packet.length() != cleartextLength + profile.tagLength()
                || Arrays.equals(packet.buffer(), 0, cleartextLength, cleartext, 0, cleartextLength)) {
            throw new IllegalStateException("protection failed or did not encrypt");
        }
        if (!receiver.unprotectRtp(packet) || packet.length() != cleartextLength
                || !Arrays.equals(packet.buffer(), 0, cleartextLength, cleartext, 0, cleartextLength)) {
            throw new IllegalStateException("round trip did not authenticate and restore the packet");
        }
    }
}
