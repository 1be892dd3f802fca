package dev.liaison.media.webrtc;

import dev.liaison.media.dtls.CertificateFingerprint;
import dev.liaison.media.dtls.DtlsCertificate;
import dev.liaison.media.dtls.DtlsHandshakeException;
import dev.liaison.media.dtls.DtlsRole;
import dev.liaison.media.dtls.DtlsSrtpEndpoint;
import dev.liaison.media.dtls.DtlsState;
import dev.liaison.media.ice.IceCredentials;
import dev.liaison.media.leg.LegEndReason;
import dev.liaison.media.leg.LegListener;
import dev.liaison.media.leg.LegStatistics;
import dev.liaison.media.leg.WebRtcLegControl;
import dev.liaison.media.rtp.ClockRateGuesses;
import dev.liaison.media.rtp.ClockRates;
import dev.liaison.media.rtp.RtcpCompound;
import dev.liaison.media.rtp.RtcpParser;
import dev.liaison.media.rtp.RtcpReporter;
import dev.liaison.media.rtp.RtpFormatException;
import dev.liaison.media.rtp.RtpPacket;
import dev.liaison.media.srtp.SrtpGate;
import dev.liaison.media.srtp.SrtpResult;
import dev.liaison.media.transport.Datagram;
import dev.liaison.media.transport.MuxSession;
import dev.liaison.media.transport.PacketClass;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebRTC leg: a {@link MuxSession} with its own ICE credentials and, once the peer's description is known, one
 * DTLS-SRTP association over the mux. Inbound datagrams arrive on the mux reader thread: DTLS goes to the association
 * (its handshake runs on the shared bounded pool), SRTP and SRTCP (RFC 5761 demux by the second byte) are
 * unprotected and handed to the {@link LegListener} as plain packets. Nothing is forwarded either way before DTLS
 * completes. Opened by {@link WebRtcLegs}.
 *
 * <p>The leg is an RTCP participant of its own (RFC 3550 6, over SRTCP on the muxed transport): it keeps receive
 * statistics per inbound SSRC from the authenticated packets, and every report interval (randomised 0.5-1.5x, the
 * first after half of one) sends an SR for each SSRC it sent RTP with (an RR when it sent none) carrying report
 * blocks for the browser's streams, and an SDES CNAME. The browser's report blocks about those SSRCs give the
 * round-trip time; its SRs give the LSR/DLSR of our blocks. Inbound RTCP that does not parse is dropped and counted;
 * valid RTCP still goes to the listener (the bridge keeps what it forwards).
 */
public final class WebRtcLeg implements WebRtcLegControl {
    private static final Logger log = LoggerFactory.getLogger(WebRtcLeg.class);
    /** Audio, video, their RTX and FEC streams of one bundled browser session, with room to spare. */
    private static final int MAX_SSRCS = 16;
    /**
     * Clock rate of dynamic payload types the bridge did not name ({@link #clockRate}) until the stream's own rate is
     * measured ({@link ClockRateGuesses}): Opus, the codec every browser offers.
     */
    public static final int DEFAULT_CLOCK_RATE = 48_000;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String id;
    private final WebRtcLegs owner;
    private final DtlsCertificate certificate;
    private final Clock clock;
    private final WebRtcMetrics metrics;
    private final LegCounters counters = new LegCounters();
    private final ClockRates clockRates = new ClockRates(DEFAULT_CLOCK_RATE);
    private final ClockRateGuesses guessedRates = new ClockRateGuesses();
    private final RtcpReporter reporter;
    private final long reportIntervalNanos;
    private final AtomicBoolean over = new AtomicBoolean();
    private final Object sendLock = new Object();
    private final MuxSession session;
    private volatile LegListener listener;
    private volatile Association association;
    private volatile Instant lastReceived;
    /** When the next own report is due (nanoseconds of {@link #clock}); 0 until the leg is first ready. */
    private volatile long nextReportNanos;

    /** The DTLS side for one remote fingerprint and role; a re-offer with other values makes a new one. */
    private record Association(
            CertificateFingerprint remoteFingerprint, DtlsRole role, DtlsSrtpEndpoint endpoint, SrtpGate gate) {
        void close() {
            endpoint.close();
            gate.close();
        }
    }

    WebRtcLeg(
            String bridgeId,
            WebRtcLegs owner,
            DtlsCertificate certificate,
            Clock clock,
            WebRtcMetrics metrics,
            java.util.function.Function<MuxSession.Handler, MuxSession> sessions) {
        this.owner = owner;
        this.certificate = certificate;
        this.clock = clock;
        this.metrics = metrics;
        this.reportIntervalNanos = owner.reportInterval().toNanos();
        int reportSsrc = RANDOM.nextInt();
        this.reporter =
                new RtcpReporter(reportSsrc, "liaison-" + Integer.toHexString(reportSsrc), 2 * reportIntervalNanos);
        this.session = sessions.apply(new Inbound());
        this.id = bridgeId + "/webrtc/" + session.id().substring(0, 8);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String localUfrag() {
        return session.agent().localCredentials().ufrag();
    }

    @Override
    public String localPassword() {
        return session.agent().localCredentials().pwd();
    }

    @Override
    public String localFingerprint() {
        return certificate.fingerprint().toSdp();
    }

    @Override
    public InetSocketAddress muxAddress() {
        return owner.muxAddress();
    }

    @Override
    public String localSetup(String remoteSetup) {
        return DtlsRole.answering(remoteSetup).setupAttribute();
    }

    @Override
    public void listen(LegListener listener) {
        Objects.requireNonNull(listener, "listener");
        synchronized (this) {
            if (this.listener != null) {
                throw new IllegalStateException("leg " + id + " already has a listener");
            }
            this.listener = listener;
        }
    }

    @Override
    public void remoteDescription(String ufrag, String password, String fingerprint, String setup) {
        if (ufrag == null || password == null || fingerprint == null || setup == null) {
            throw new IllegalArgumentException("ice-ufrag, ice-pwd, fingerprint and setup are required");
        }
        new IceCredentials(ufrag, password); // RFC 8839 lengths and characters, or IllegalArgumentException
        CertificateFingerprint remote = CertificateFingerprint.parse(fingerprint);
        DtlsRole role = DtlsRole.answering(setup);
        Association started;
        synchronized (this) {
            if (over.get()) {
                throw new IllegalStateException("leg " + id + " has ended");
            }
            session.agent().setRemoteUfrag(ufrag);
            Association current = association;
            if (current != null
                    && current.remoteFingerprint().equals(remote)
                    && current.role() == role
                    && current.endpoint().state() != DtlsState.FAILED) {
                return;
            }
            if (current != null) {
                log.info("leg {}: new DTLS association (fingerprint or setup changed)", id);
                current.close();
            }
            DtlsSrtpEndpoint endpoint = new DtlsSrtpEndpoint(
                    role,
                    certificate,
                    remote,
                    owner.dtlsSettings(),
                    this::sendDtls,
                    owner.handshakeExecutor(),
                    owner.dtlsMetrics());
            started = new Association(
                    remote, role, endpoint, new SrtpGate(endpoint.keys(), MAX_SSRCS, owner.srtpMetrics()));
            association = started;
        }
        started.endpoint().keys().whenComplete((keys, failure) -> handshakeDone(started, failure));
        // Either role starts once ICE has bound the browser's address: the handshake timeout counts from there, so a
        // callee that rings for a long time before the browser gets the answer does not time the handshake out.
        if (session.remoteAddress().isPresent()) {
            started.endpoint().start();
        }
    }

    @Override
    public void clockRate(int payloadType, int hz) {
        clockRates.put(payloadType, hz);
    }

    @Override
    public boolean sendRtp(byte[] packet, int length) {
        RtpPacket rtp;
        try {
            rtp = RtpPacket.parse(packet, 0, length);
        } catch (RtpFormatException e) {
            return dropOutbound(MediaDrop.MALFORMED);
        }
        if (!send(packet, length, false)) {
            return false;
        }
        counters.sent(rtp.payloadLength());
        metrics.sent(false, rtp.payloadLength());
        reporter.sent(rtp, nanos(clock.instant()), clockRates.of(rtp.payloadType()));
        return true;
    }

    @Override
    public boolean sendRtcp(byte[] packet, int length) {
        if (!send(packet, length, true)) {
            return false;
        }
        metrics.sent(true, 0);
        return true;
    }

    /**
     * Sends this leg's own RTCP report now (see the class comment); false when it cannot send yet (DTLS not done, no
     * nominated address) or has ended. The periodic reports call it; tests may too.
     */
    public boolean sendReport() {
        if (!ready()) {
            return false;
        }
        RtcpReporter.Report report = reporter.report(clock.instant());
        if (!sendRtcp(report.compound(), report.compound().length)) {
            return false;
        }
        reporter.reportSent(report);
        metrics.reportSent(reporter.jitterMillis());
        return true;
    }

    /** Whether the periodic reports are scheduled (the leg was ready at a tick of {@link WebRtcLegs}). */
    boolean reportScheduled() {
        return nextReportNanos != 0;
    }

    /** Called every few hundred milliseconds by {@link WebRtcLegs}: sends the periodic report when due. */
    void tick() {
        if (over.get() || !ready()) {
            return;
        }
        long now = nanos(clock.instant());
        long due = nextReportNanos;
        if (due == 0) {
            nextReportNanos = now + jittered(reportIntervalNanos / 2); // RFC 3550 6.2: the first after half
            return;
        }
        if (now >= due) {
            nextReportNanos = now + jittered(reportIntervalNanos);
            sendReport();
        }
    }

    @Override
    public boolean ready() {
        Association a = association;
        return !over.get()
                && a != null
                && a.gate().ready()
                && session.remoteAddress().isPresent();
    }

    @Override
    public Optional<Instant> lastReceived() {
        return Optional.ofNullable(lastReceived);
    }

    @Override
    public LegStatistics statistics() {
        return counters.snapshot(reporter.lost(), reporter.jitterMillis(), reporter.roundTripMillis());
    }

    /** Whether DTLS completed and SRTP keys are in place (ICE may still be re-nominating). */
    public boolean dtlsConnected() {
        Association a = association;
        return a != null && a.endpoint().state() == DtlsState.CONNECTED;
    }

    /** Says BYE (RFC 3550 6.6) for the leg's SSRCs when it can still send, then releases everything. */
    @Override
    public void close() {
        if (!over.get() && ready()) {
            RtcpReporter.Report bye = reporter.goodbye(clock.instant());
            sendRtcp(bye.compound(), bye.compound().length);
        }
        if (over.compareAndSet(false, true)) {
            release();
        }
    }

    /** Consent (RFC 7675) not refreshed in time; called by {@link WebRtcLegs#sweepConsent()}. */
    MuxSession muxSession() {
        return session;
    }

    boolean consentExpired() {
        return !over.get() && session.agent().expireConsent();
    }

    /** Stops the leg and tells the listener why; later calls do nothing. */
    void end(LegEndReason reason) {
        if (!over.compareAndSet(false, true)) {
            return;
        }
        log.info("leg {} ended: {}", id, reason);
        release();
        metrics.ended(reason);
        LegListener l = listener;
        if (l != null) {
            l.ended(this, reason);
        }
    }

    private void release() {
        Association a = association;
        if (a != null) {
            a.close();
        }
        session.close();
        owner.released(this);
    }

    private void handshakeDone(Association finished, Throwable failure) {
        if (failure == null) {
            log.info(
                    "leg {}: DTLS {} connected, SRTP {}",
                    id,
                    finished.role(),
                    finished.endpoint().keys().join().profile());
            return;
        }
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (association != finished || over.get()) {
            return; // replaced by a re-offer, or the leg was closed: not a failure of the call
        }
        // Fingerprint mismatch, timeout, peer alert, no common profile, no handshake thread: the call cannot go on.
        log.info(
                "leg {}: DTLS failed: {}",
                id,
                cause instanceof DtlsHandshakeException e ? e.failure() + " " + e.getMessage() : cause.toString());
        end(LegEndReason.DTLS_FAILED);
    }

    private void sendDtls(byte[] data, int offset, int length) {
        // UDP semantics: a record sent before ICE nominated an address is lost and retransmitted by DTLS.
        session.send(data, offset, length);
    }

    private boolean send(byte[] packet, int length, boolean rtcp) {
        Association a = association;
        if (over.get()) {
            return dropOutbound(MediaDrop.ENDED);
        }
        if (a == null || !a.gate().ready()) {
            return dropOutbound(MediaDrop.NOT_READY);
        }
        SrtpResult protectedPacket;
        synchronized (sendLock) {
            // jitsi-srtp's per-SSRC contexts are not safe for concurrent use; the bridge may send from two threads.
            protectedPacket =
                    rtcp ? a.gate().protectRtcp(packet, 0, length) : a.gate().protectRtp(packet, 0, length);
        }
        if (!protectedPacket.ok()) {
            return dropOutbound(MediaDrop.of(protectedPacket.outcome()));
        }
        if (!session.send(protectedPacket.packet())) {
            return dropOutbound(MediaDrop.NO_ADDRESS);
        }
        return true;
    }

    private static long jittered(long interval) {
        return (long) (interval * (0.5 + RANDOM.nextDouble()));
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private boolean dropOutbound(MediaDrop reason) {
        metrics.droppedOutbound(reason);
        return false;
    }

    private void dropInbound(MediaDrop reason) {
        counters.dropped();
        metrics.droppedInbound(reason);
    }

    /** The mux reader's view of this leg: never blocks. */
    private final class Inbound implements MuxSession.Handler {
        @Override
        public void datagram(Datagram datagram) {
            if (over.get()) {
                dropInbound(MediaDrop.ENDED);
                return;
            }
            Association a = association;
            PacketClass packetClass = datagram.packetClass();
            if (packetClass == PacketClass.DTLS) {
                if (a == null) {
                    dropInbound(MediaDrop.DTLS_BEFORE_DESCRIPTION);
                } else {
                    a.endpoint().receive(datagram.data());
                }
                return;
            }
            if (packetClass != PacketClass.RTP && packetClass != PacketClass.RTCP) {
                dropInbound(MediaDrop.MALFORMED);
                return;
            }
            LegListener l = listener;
            if (a == null || !a.gate().ready()) {
                dropInbound(MediaDrop.NOT_READY);
                return;
            }
            if (l == null) {
                dropInbound(MediaDrop.NO_LISTENER);
                return;
            }
            byte[] data = datagram.data();
            boolean rtcp = packetClass == PacketClass.RTCP;
            SrtpResult plain = rtcp
                    ? a.gate().unprotectRtcp(data, 0, data.length)
                    : a.gate().unprotectRtp(data, 0, data.length);
            if (!plain.ok()) {
                dropInbound(MediaDrop.of(plain.outcome()));
                return;
            }
            byte[] packet = plain.packet();
            if (rtcp) {
                rtcp(packet, l);
            } else {
                rtp(packet, l);
            }
        }

        private void rtp(byte[] packet, LegListener l) {
            RtpPacket rtp;
            try {
                rtp = RtpPacket.parse(packet, 0, packet.length);
            } catch (RtpFormatException e) {
                dropInbound(MediaDrop.MALFORMED);
                return;
            }
            Instant now = clock.instant();
            lastReceived = now;
            long arrival = nanos(now);
            int pt = rtp.payloadType();
            int rate = clockRates.known(pt)
                    ? clockRates.of(pt)
                    : guessedRates.rate(rtp.ssrc(), rtp.timestamp(), arrival, DEFAULT_CLOCK_RATE);
            reporter.received(rtp, arrival, rate);
            counters.received(rtp.payloadLength());
            metrics.received(false, rtp.payloadLength());
            l.rtp(WebRtcLeg.this, packet, packet.length);
        }

        private void rtcp(byte[] packet, LegListener l) {
            RtcpCompound compound;
            try {
                compound = RtcpParser.parse(packet, 0, packet.length);
            } catch (RtpFormatException e) {
                dropInbound(MediaDrop.MALFORMED_RTCP);
                return;
            }
            Instant now = clock.instant();
            lastReceived = now;
            metrics.received(true, 0);
            reporter.peerReports(compound, now).ifPresent(metrics::roundTrip);
            l.rtcp(WebRtcLeg.this, packet, packet.length);
        }

        @Override
        public void transportClosed() {
            end(LegEndReason.TRANSPORT_FAILED);
        }

        @Override
        public void bound(InetSocketAddress address) {
            Association a = association;
            if (a != null) {
                a.endpoint().start(); // idempotent: only the first nomination starts the handshake
            }
        }
    }
}
