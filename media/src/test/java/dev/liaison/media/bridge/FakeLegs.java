package dev.liaison.media.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.media.leg.LegEndReason;
import dev.liaison.media.leg.LegFactory;
import dev.liaison.media.leg.LegListener;
import dev.liaison.media.leg.LegStatistics;
import dev.liaison.media.leg.LegUnavailableException;
import dev.liaison.media.leg.MediaLeg;
import dev.liaison.media.leg.RtpLegControl;
import dev.liaison.media.leg.WebRtcLegControl;
import dev.liaison.media.srtp.SrtpProfile;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** In-memory legs: they record what the bridge sends and what it told them, and let a test inject inbound packets. */
final class FakeLegs implements LegFactory {
    final List<FakeLeg> opened = new CopyOnWriteArrayList<>();
    final List<Optional<SrtpProfile>> rtpOpenedWith = new CopyOnWriteArrayList<>();
    private final AtomicInteger counter = new AtomicInteger();
    private final Clock clock;
    volatile boolean unavailable;

    FakeLegs(Clock clock) {
        this.clock = clock;
    }

    @Override
    public WebRtcLegControl openWebRtc(String bridgeId) {
        if (unavailable) {
            throw new LegUnavailableException("media port full");
        }
        FakeWebRtcLeg leg = new FakeWebRtcLeg("webrtc-" + counter.incrementAndGet(), clock);
        opened.add(leg);
        return leg;
    }

    @Override
    public RtpLegControl openRtp(String bridgeId, Optional<SrtpProfile> sdes) {
        if (unavailable) {
            throw new LegUnavailableException("port range exhausted");
        }
        int n = counter.incrementAndGet();
        FakeRtpLeg leg = new FakeRtpLeg("rtp-" + n, clock, 40_000 + 2 * n, sdes);
        opened.add(leg);
        rtpOpenedWith.add(sdes);
        return leg;
    }

    FakeWebRtcLeg webRtc(int index) {
        return (FakeWebRtcLeg) opened.get(index);
    }

    FakeRtpLeg rtp(int index) {
        return (FakeRtpLeg) opened.get(index);
    }

    void assertAllClosed() {
        assertThat(opened).allSatisfy(leg -> assertThat(leg.closed).as(leg.id()).isTrue());
    }

    /** What every fake leg does. */
    abstract static class FakeLeg implements MediaLeg {
        final String id;
        final Clock clock;
        final List<byte[]> rtpSent = new CopyOnWriteArrayList<>();
        final List<byte[]> rtcpSent = new CopyOnWriteArrayList<>();
        final java.util.Map<Integer, Integer> clockRates = new java.util.concurrent.ConcurrentHashMap<>();
        volatile LegListener listener;
        volatile boolean ready = true;
        volatile boolean closed;
        volatile int closeCalls;
        private volatile Instant lastReceived;

        FakeLeg(String id, Clock clock) {
            this.id = id;
            this.clock = clock;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public void listen(LegListener listener) {
            assertThat(this.listener).as("listen is called once").isNull();
            this.listener = listener;
        }

        @Override
        public void clockRate(int payloadType, int hz) {
            MediaLeg.super.clockRate(payloadType, hz);
            clockRates.put(payloadType, hz);
        }

        @Override
        public boolean sendRtp(byte[] packet, int length) {
            if (closed || !ready) {
                return false;
            }
            rtpSent.add(Arrays.copyOf(packet, length));
            return true;
        }

        @Override
        public boolean sendRtcp(byte[] packet, int length) {
            if (closed || !ready) {
                return false;
            }
            rtcpSent.add(Arrays.copyOf(packet, length));
            return true;
        }

        @Override
        public boolean ready() {
            return ready && !closed;
        }

        @Override
        public Optional<Instant> lastReceived() {
            return Optional.ofNullable(lastReceived);
        }

        @Override
        public LegStatistics statistics() {
            return LegStatistics.NONE;
        }

        @Override
        public void close() {
            closeCalls++;
            closed = true;
        }

        /** A packet from the peer, as the real leg would deliver it after decryption. */
        void receiveRtp(byte[] packet) {
            lastReceived = clock.instant();
            listener.rtp(this, packet, packet.length);
        }

        void receiveRtcp(byte[] packet) {
            lastReceived = clock.instant();
            listener.rtcp(this, packet, packet.length);
        }

        void end(LegEndReason reason) {
            listener.ended(this, reason);
        }
    }

    /** A WebRTC leg: fixed credentials, records the peer's. */
    static final class FakeWebRtcLeg extends FakeLeg implements WebRtcLegControl {
        static final String FINGERPRINT = "sha-256 " + "AB:".repeat(31) + "AB";
        volatile List<String> remote;
        final AtomicInteger remoteDescriptions = new AtomicInteger();

        FakeWebRtcLeg(String id, Clock clock) {
            super(id, clock);
        }

        @Override
        public String localUfrag() {
            return "uf" + id.replace("-", "");
        }

        @Override
        public String localPassword() {
            return "pw" + id.replace("-", "") + "0123456789abcdefghij";
        }

        @Override
        public String localFingerprint() {
            return FINGERPRINT;
        }

        @Override
        public InetSocketAddress muxAddress() {
            return new InetSocketAddress("127.0.0.1", 16000);
        }

        @Override
        public void remoteDescription(String ufrag, String password, String fingerprint, String setup) {
            if (!fingerprint.startsWith("sha-")) {
                throw new IllegalArgumentException("not a fingerprint: " + fingerprint);
            }
            remote = List.of(ufrag, password, fingerprint, setup);
            remoteDescriptions.incrementAndGet();
        }

        @Override
        public String localSetup(String remoteSetup) {
            return remoteSetup.equals("passive") ? "active" : "passive";
        }
    }

    /** An RTP leg on a made-up port; SDES when opened with a suite. */
    static final class FakeRtpLeg extends FakeLeg implements RtpLegControl {
        final int port;
        final Optional<SrtpProfile> sdes;
        volatile Optional<InetSocketAddress> remoteRtp;
        volatile Optional<InetSocketAddress> remoteRtcp;
        volatile boolean remoteRtcpMux;
        volatile Optional<String> remoteCrypto;
        final AtomicInteger remoteDescriptions = new AtomicInteger();

        FakeRtpLeg(String id, Clock clock, int port, Optional<SrtpProfile> sdes) {
            super(id, clock);
            this.port = port;
            this.sdes = sdes;
        }

        @Override
        public InetSocketAddress localAddress() {
            return new InetSocketAddress("127.0.0.1", port);
        }

        @Override
        public Optional<String> localCrypto() {
            return sdes.map(p -> "1 " + p.sdesName() + " inline:"
                    + Base64.getEncoder().encodeToString(new byte[p.keyLength() + p.saltLength()]));
        }

        @Override
        public void remoteDescription(
                Optional<InetSocketAddress> rtp,
                Optional<InetSocketAddress> rtcp,
                boolean rtcpMux,
                Optional<String> crypto) {
            if (crypto.isPresent() != sdes.isPresent()) {
                throw new IllegalArgumentException("crypto " + crypto + " on a leg opened with " + sdes);
            }
            remoteRtp = rtp;
            remoteRtcp = rtcp;
            remoteRtcpMux = rtcpMux;
            remoteCrypto = crypto;
            remoteDescriptions.incrementAndGet();
        }
    }
}
