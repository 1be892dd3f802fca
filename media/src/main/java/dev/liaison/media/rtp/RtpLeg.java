package dev.liaison.media.rtp;

import dev.liaison.media.leg.LegEndReason;
import dev.liaison.media.leg.LegListener;
import dev.liaison.media.leg.LegStatistics;
import dev.liaison.media.leg.RtpLegControl;
import dev.liaison.media.rtp.RtcpPacket.ReceiverReport;
import dev.liaison.media.rtp.RtcpPacket.ReportBlock;
import dev.liaison.media.rtp.RtcpPacket.SdesChunk;
import dev.liaison.media.rtp.RtcpPacket.SdesItem;
import dev.liaison.media.rtp.RtcpPacket.SenderReport;
import dev.liaison.media.rtp.RtcpPacket.SourceDescription;
import dev.liaison.media.srtp.PacketBuffer;
import dev.liaison.media.srtp.SdesCrypto;
import dev.liaison.media.srtp.SdesException;
import dev.liaison.media.srtp.SrtpMetrics;
import dev.liaison.media.srtp.SrtpOutcome;
import dev.liaison.media.srtp.SrtpSession;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A SIP-side leg on its own RTP/RTCP port pair, read by the shared reader of {@link RtpLegs}. Plain RTP/AVP, or
 * SDES-SRTP (RTP/SAVP) when opened with a profile. RTCP arrives on the RTCP port or, rtcp-mux, on the RTP port
 * (told apart by packet type, RFC 5761); it is sent muxed when the peer's description says so. With latching on,
 * the leg sends to the source of the first valid (for SRTP: authenticated) inbound packet instead of the SDP address
 * (symmetric RTP); a new remote address in a later description latches afresh. A hold (remote RTP empty) sends
 * nothing. Every bad inbound packet is dropped and counted; nothing here throws on packet content.
 *
 * <p>The leg terminates RTCP towards its peer as well: every {@link #REPORT_INTERVAL_NANOS} (randomised 0.5-1.5x)
 * it sends an SR (when it has sent RTP) or RR with report blocks for the inbound streams and an SDES CNAME; the
 * peer's report blocks on our SRs give the round-trip time.
 */
public final class RtpLeg implements RtpLegControl {
    /** Largest datagram accepted; larger ones are dropped as {@link RtpDrop#OVERSIZE}. */
    public static final int MAX_PACKET = 4096;
    /** Nominal interval of the leg's own RTCP reports (RFC 3550 6.2 minimum). */
    public static final long REPORT_INTERVAL_NANOS = 5_000_000_000L;
    /** Clock rate assumed for payload types not given to {@link #clockRate}: 8 kHz, as for G.711, G.722, G.729. */
    public static final int DEFAULT_CLOCK_RATE = 8000;

    private static final Logger log = LoggerFactory.getLogger(RtpLeg.class);
    private static final int MAX_SRTP_SSRCS = 8;
    /** Room the SDES buffers start with: a 20 ms G.711 packet and its tag; they grow for larger packets. */
    private static final int SRTP_BUFFER_START = 512;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String id;
    private final RtpPortPool.PortPair ports;
    private final InetSocketAddress advertised;
    private final boolean latching;
    private final Optional<SdesCrypto> localCrypto;
    private final RtpMetrics metrics;
    private final SrtpMetrics srtpMetrics;
    private final Clock clock;
    private final RtpLegs owner;
    private final Object sendLock = new Object();
    private final InboundStreams inbound = new InboundStreams();
    private final RoundTripEstimator roundTrip = new RoundTripEstimator();
    private final ClockRates clockRates = new ClockRates(DEFAULT_CLOCK_RATE);
    private final AtomicLong packetsReceived = new AtomicLong();
    private final AtomicLong bytesReceived = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final int reportSsrc = RANDOM.nextInt();
    private final String cname;
    /** SDES legs: what is protected before sending, reused under sendLock. */
    private final PacketBuffer protectBuffer;
    /** SDES legs: the window over a received packet that is unprotected in place, reader thread only. */
    private final PacketBuffer unprotectBuffer;

    private volatile LegListener listener;
    private volatile boolean closed;
    private volatile boolean ended;
    private volatile Instant lastReceived;
    private volatile Remote remote;
    private volatile SrtpSession srtp;
    private volatile InetSocketAddress latchedRtp;
    private volatile InetSocketAddress latchedRtcp;
    private volatile long nextReportNanos;

    // sender state, under sendLock
    private int sendingSsrc;
    private boolean sending;
    private long packetsSent;
    private long bytesSent;
    private long ssrcPackets;
    private long ssrcOctets;
    private long lastRtpTimestamp;
    private long lastSentNanos;
    private int lastSentClockRate = DEFAULT_CLOCK_RATE;

    /** What the peer's description said; {@code rtp} empty is a hold. */
    private record Remote(
            Optional<InetSocketAddress> rtp,
            Optional<InetSocketAddress> rtcp,
            boolean rtcpMux,
            Optional<String> crypto) {}

    RtpLeg(
            String id,
            RtpPortPool.PortPair ports,
            InetSocketAddress advertised,
            boolean latching,
            Optional<SdesCrypto> localCrypto,
            RtpMetrics metrics,
            SrtpMetrics srtpMetrics,
            Clock clock,
            RtpLegs owner) {
        this.id = id;
        this.ports = ports;
        this.advertised = advertised;
        this.latching = latching;
        this.localCrypto = localCrypto;
        this.metrics = metrics;
        this.srtpMetrics = srtpMetrics;
        this.clock = clock;
        this.owner = owner;
        this.cname = "liaison-" + Integer.toHexString(reportSsrc);
        this.protectBuffer = localCrypto.isPresent() ? new PacketBuffer(SRTP_BUFFER_START) : null;
        this.unprotectBuffer = localCrypto.isPresent() ? new PacketBuffer(0) : null;
        this.nextReportNanos = nanos(clock.instant()) + jittered(REPORT_INTERVAL_NANOS);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void listen(LegListener listener) {
        this.listener = listener;
    }

    @Override
    public InetSocketAddress localAddress() {
        try {
            return (InetSocketAddress) ports.rtp().getLocalAddress();
        } catch (IOException e) {
            return new InetSocketAddress(ports.rtpPort());
        }
    }

    /** The configured advertised address with this leg's RTP port: what the broker's SDP offers ({@code c=}, m= port). */
    public InetSocketAddress advertisedAddress() {
        return advertised;
    }

    @Override
    public Optional<String> localCrypto() {
        return localCrypto.map(SdesCrypto::format);
    }

    /**
     * The RTP clock rate of {@code payloadType} (from the SDP's rtpmap), used for jitter and SR timestamps; payload
     * types not given here count at their RFC 3551 static rate, else at {@link #DEFAULT_CLOCK_RATE}.
     */
    @Override
    public void clockRate(int payloadType, int hz) {
        clockRates.put(payloadType, hz);
    }

    @Override
    public void remoteDescription(
            Optional<InetSocketAddress> rtp,
            Optional<InetSocketAddress> rtcp,
            boolean rtcpMux,
            Optional<String> crypto) {
        Optional<InetSocketAddress> media = rtp.filter(
                a -> !a.isUnresolved() && a.getPort() > 0 && !a.getAddress().isAnyLocalAddress());
        Optional<InetSocketAddress> control = rtcp.filter(a -> !a.isUnresolved() && a.getPort() > 0);
        SrtpSession session = keysFor(crypto);
        synchronized (sendLock) {
            Remote before = remote;
            remote = new Remote(media, control, rtcpMux, crypto);
            if (before == null || !before.rtp().equals(media) || !before.rtcp().equals(control)) {
                latchedRtp = null; // a new address: latch afresh
                latchedRtcp = null;
            }
            if (session != null) {
                SrtpSession old = srtp;
                srtp = session;
                if (old != null) {
                    old.close();
                }
            }
        }
        log.debug("RTP leg {} remote rtp={} rtcp={} mux={}", id, media, control, rtcpMux);
    }

    /** A new SRTP session when the peer's key is new, null when it is unchanged (ROC and replay state kept). */
    private SrtpSession keysFor(Optional<String> crypto) {
        if (localCrypto.isEmpty()) {
            if (crypto.isPresent()) {
                throw new IllegalArgumentException("a=crypto given to plain RTP leg " + id);
            }
            return null;
        }
        SdesCrypto local = localCrypto.get();
        String value =
                crypto.orElseThrow(() -> new IllegalArgumentException("SDES leg " + id + " needs the peer's a=crypto"));
        SdesCrypto peer;
        try {
            peer = SdesCrypto.parse(value);
        } catch (SdesException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (peer.profile() != local.profile()) {
            throw new IllegalArgumentException(
                    "a=crypto suite " + peer.profile().sdesName() + ", leg " + id + " speaks "
                            + local.profile().sdesName());
        }
        Remote before = remote;
        if (before != null && srtp != null && before.crypto().map(value::equals).orElse(false)) {
            return null;
        }
        return new SrtpSession(local.keyingWith(peer), MAX_SRTP_SSRCS, srtpMetrics);
    }

    @Override
    public boolean ready() {
        Remote r = remote;
        return !closed && !ended && r != null && r.rtp().isPresent() && (localCrypto.isEmpty() || srtp != null);
    }

    @Override
    public Optional<Instant> lastReceived() {
        return Optional.ofNullable(lastReceived);
    }

    @Override
    public LegStatistics statistics() {
        long sent;
        long sentBytes;
        synchronized (sendLock) {
            sent = packetsSent;
            sentBytes = bytesSent;
        }
        return new LegStatistics(
                packetsReceived.get(),
                bytesReceived.get(),
                sent,
                sentBytes,
                inbound.lost(),
                inbound.jitterMillis(),
                roundTrip.lastMillis(),
                dropped.get());
    }

    // ---------------------------------------------------------------- sending

    @Override
    public boolean sendRtp(byte[] packet, int length) {
        RtpPacket rtp;
        try {
            rtp = RtpPacket.parse(packet, 0, length);
        } catch (RtpFormatException e) {
            return dropOut(RtpDrop.MALFORMED);
        }
        synchronized (sendLock) {
            Optional<InetSocketAddress> to = rtpDestination();
            if (to.isEmpty()) {
                return false;
            }
            if (!transmit(ports.rtp(), packet, length, to.get(), false)) {
                return false;
            }
            int rate = clockRateOf(rtp.payloadType());
            if (!sending || rtp.ssrc() != sendingSsrc) {
                sending = true;
                sendingSsrc = rtp.ssrc();
                ssrcPackets = 0;
                ssrcOctets = 0;
            }
            packetsSent++;
            bytesSent += rtp.payloadLength();
            ssrcPackets++;
            ssrcOctets += rtp.payloadLength();
            lastRtpTimestamp = rtp.timestamp();
            lastSentNanos = nanos(clock.instant());
            lastSentClockRate = rate;
        }
        metrics.sent(false, rtp.payloadLength());
        return true;
    }

    @Override
    public boolean sendRtcp(byte[] packet, int length) {
        try {
            RtcpParser.parse(packet, 0, length);
        } catch (RtpFormatException e) {
            return dropOut(RtpDrop.MALFORMED);
        }
        synchronized (sendLock) {
            return sendRtcpLocked(packet, length);
        }
    }

    private boolean sendRtcpLocked(byte[] packet, int length) {
        Optional<InetSocketAddress> rtpTo = rtpDestination();
        if (rtpTo.isEmpty()) {
            return false;
        }
        Remote r = remote;
        boolean muxed = r.rtcpMux();
        InetSocketAddress to = muxed
                ? rtpTo.get()
                : Optional.ofNullable(latching ? latchedRtcp : null)
                        .or(r::rtcp)
                        .orElseGet(() -> new InetSocketAddress(
                                r.rtp().get().getAddress(), r.rtp().get().getPort() + 1));
        boolean ok = transmit(muxed ? ports.rtp() : ports.rtcp(), packet, length, to, true);
        if (ok) {
            metrics.sent(true, 0);
        }
        return ok;
    }

    /** Where RTP goes now; empty (and counted) when nowhere. Under sendLock. */
    private Optional<InetSocketAddress> rtpDestination() {
        if (closed || ended) {
            dropOut(RtpDrop.CLOSED);
            return Optional.empty();
        }
        Remote r = remote;
        if (r == null) {
            dropOut(RtpDrop.NO_PEER);
            return Optional.empty();
        }
        if (r.rtp().isEmpty()) {
            dropOut(RtpDrop.ON_HOLD);
            return Optional.empty();
        }
        InetSocketAddress latched = latchedRtp;
        return Optional.of(latching && latched != null ? latched : r.rtp().get());
    }

    /** Protects (SDES: one copy into the leg's protect buffer, no allocation) and sends; under sendLock. */
    private boolean transmit(DatagramChannel channel, byte[] packet, int length, InetSocketAddress to, boolean rtcp) {
        byte[] out = packet;
        int outOffset = 0;
        int outLength = length;
        if (localCrypto.isPresent()) {
            SrtpSession session = srtp;
            if (session == null) {
                return dropOut(RtpDrop.NOT_READY);
            }
            PacketBuffer buffer = protectBuffer.copyOf(packet, 0, length);
            SrtpOutcome outcome = rtcp ? session.protectRtcp(buffer) : session.protectRtp(buffer);
            if (outcome != SrtpOutcome.OK) {
                return dropOut(RtpDrop.SRTP_FAILED);
            }
            out = buffer.array();
            outOffset = buffer.offset();
            outLength = buffer.length();
        }
        try {
            if (channel.send(ByteBuffer.wrap(out, outOffset, outLength), to) == 0) {
                return dropOut(RtpDrop.SEND_FAILED);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            log.debug("RTP leg {} send to {} failed: {}", id, to, e.toString());
            return dropOut(RtpDrop.SEND_FAILED);
        }
    }

    private boolean dropOut(RtpDrop reason) {
        metrics.droppedOut(reason);
        return false;
    }

    /**
     * Sends this leg's own RTCP report now: an SR when it has sent RTP, else an RR, with report blocks for the
     * inbound streams and an SDES CNAME. Returns false when it cannot send (no peer, hold, closed).
     */
    public boolean sendReport() {
        synchronized (sendLock) {
            if (rtpDestination().isEmpty()) {
                return false; // counted; the report intervals are not advanced
            }
        }
        Instant now = clock.instant();
        long nowNanos = nanos(now);
        List<ReportBlock> blocks = inbound.reportBlocks(nowNanos);
        double jitter = inbound.jitterMillis();
        if (jitter >= 0) {
            metrics.jitter(jitter);
        }
        synchronized (sendLock) {
            long ntp = NtpTime.of(now);
            int ssrc = sending ? sendingSsrc : reportSsrc;
            List<RtcpPacket> compound = new ArrayList<>();
            if (sending) {
                long elapsed = Math.max(0, nowNanos - lastSentNanos);
                long rtpNow = (lastRtpTimestamp + elapsed * lastSentClockRate / 1_000_000_000L) & 0xFFFF_FFFFL;
                compound.add(new SenderReport(
                        ssrc, ntp, rtpNow, ssrcPackets & 0xFFFF_FFFFL, ssrcOctets & 0xFFFF_FFFFL, blocks));
            } else {
                compound.add(new ReceiverReport(ssrc, blocks));
            }
            compound.add(
                    new SourceDescription(List.of(new SdesChunk(ssrc, List.of(new SdesItem(SdesItem.CNAME, cname))))));
            byte[] bytes = RtcpWriter.compound(compound);
            boolean ok = sendRtcpLocked(bytes, bytes.length);
            if (ok && sending) {
                roundTrip.sent(ntp);
            }
            return ok;
        }
    }

    /** Called by the reader about every tick: sends the periodic report when due. */
    void tick(long nowNanos) {
        if (nowNanos < nextReportNanos || closed || ended) {
            return;
        }
        nextReportNanos = nowNanos + jittered(REPORT_INTERVAL_NANOS);
        Remote r = remote;
        if (r != null && r.rtp().isPresent()) {
            sendReport();
        }
    }

    // ---------------------------------------------------------------- receiving (reader thread only)

    /** Reads one datagram from {@code channel}; false when there was none. */
    boolean receive(DatagramChannel channel, boolean rtcpPort, ByteBuffer buffer) {
        InetSocketAddress source;
        buffer.clear();
        try {
            source = (InetSocketAddress) channel.receive(buffer);
        } catch (ClosedChannelException e) {
            return false;
        } catch (IOException e) {
            if (!closed) {
                log.warn("RTP leg {} socket failed: {}", id, e.toString());
                end(LegEndReason.TRANSPORT_FAILED);
            }
            return false;
        }
        if (source == null) {
            return false;
        }
        int length = buffer.position();
        if (length > MAX_PACKET) {
            dropIn(RtpDrop.OVERSIZE);
            return true;
        }
        byte[] data = Arrays.copyOf(buffer.array(), length);
        PacketKind kind = PacketKind.of(data, 0, length);
        if (kind == PacketKind.RTCP) {
            inboundRtcp(data, source, !rtcpPort);
        } else if (kind == PacketKind.RTP && !rtcpPort) {
            inboundRtp(data, source);
        } else {
            dropIn(RtpDrop.MALFORMED);
        }
        return true;
    }

    private void inboundRtp(byte[] data, InetSocketAddress source) {
        if (!acceptable(source, false)) {
            dropIn(RtpDrop.UNEXPECTED_SOURCE);
            return;
        }
        byte[] plain = data;
        int plainLength = data.length;
        if (localCrypto.isPresent()) {
            SrtpSession session = srtp;
            if (session == null) {
                dropIn(RtpDrop.NOT_READY);
                return;
            }
            PacketBuffer buffer = unprotectBuffer.wrap(data, 0, data.length);
            SrtpOutcome outcome = session.unprotectRtp(buffer);
            if (outcome != SrtpOutcome.OK) {
                dropIn(drop(outcome));
                return;
            }
            plain = plainArray(buffer);
            plainLength = buffer.length();
        }
        RtpPacket packet;
        try {
            packet = RtpPacket.parse(plain, 0, plainLength);
        } catch (RtpFormatException e) {
            dropIn(RtpDrop.MALFORMED);
            return;
        }
        latch(source, false);
        Instant now = clock.instant();
        inbound.rtp(packet, nanos(now), clockRateOf(packet.payloadType()));
        lastReceived = now;
        packetsReceived.incrementAndGet();
        bytesReceived.addAndGet(packet.payloadLength());
        metrics.received(false, packet.payloadLength());
        LegListener l = listener;
        if (l == null) {
            dropIn(RtpDrop.NO_LISTENER);
            return;
        }
        try {
            l.rtp(this, plain, plainLength);
        } catch (RuntimeException e) {
            log.warn("RTP leg {} listener failed on RTP: {}", id, e.toString());
            dropIn(RtpDrop.NO_LISTENER);
        }
    }

    private void inboundRtcp(byte[] data, InetSocketAddress source, boolean muxed) {
        if (!acceptable(source, !muxed)) {
            dropIn(RtpDrop.UNEXPECTED_SOURCE);
            return;
        }
        byte[] plain = data;
        int plainLength = data.length;
        if (localCrypto.isPresent()) {
            SrtpSession session = srtp;
            if (session == null) {
                dropIn(RtpDrop.NOT_READY);
                return;
            }
            PacketBuffer buffer = unprotectBuffer.wrap(data, 0, data.length);
            SrtpOutcome outcome = session.unprotectRtcp(buffer);
            if (outcome != SrtpOutcome.OK) {
                dropIn(drop(outcome));
                return;
            }
            plain = plainArray(buffer);
            plainLength = buffer.length();
        }
        RtcpCompound compound;
        try {
            compound = RtcpParser.parse(plain, 0, plainLength);
        } catch (RtpFormatException e) {
            dropIn(RtpDrop.MALFORMED);
            return;
        }
        latch(source, !muxed);
        Instant now = clock.instant();
        lastReceived = now;
        metrics.received(true, 0);
        reports(compound, now);
        LegListener l = listener;
        if (l == null) {
            dropIn(RtpDrop.NO_LISTENER);
            return;
        }
        try {
            l.rtcp(this, plain, plainLength);
        } catch (RuntimeException e) {
            log.warn("RTP leg {} listener failed on RTCP: {}", id, e.toString());
            dropIn(RtpDrop.NO_LISTENER);
        }
    }

    private void reports(RtcpCompound compound, Instant now) {
        long nowNanos = nanos(now);
        int ours;
        synchronized (sendLock) {
            ours = sending ? sendingSsrc : reportSsrc;
        }
        for (RtcpPacket packet : compound.packets()) {
            List<ReportBlock> blocks = List.of();
            if (packet instanceof SenderReport sr) {
                inbound.senderReport(sr.senderSsrc(), sr.compactNtp(), nowNanos);
                blocks = sr.reports();
            } else if (packet instanceof ReceiverReport rr) {
                blocks = rr.reports();
            }
            for (ReportBlock block : blocks) {
                if (block.ssrc() == ours) {
                    roundTrip.received(block, NtpTime.of(now)).ifPresent(metrics::roundTrip);
                }
            }
        }
    }

    /** Whether a packet from {@code source} may be taken, before it is validated. */
    private boolean acceptable(InetSocketAddress source, boolean rtcpPort) {
        if (latching) {
            InetSocketAddress latched = rtcpPort ? latchedRtcp : latchedRtp;
            return latched == null || latched.equals(source);
        }
        Remote r = remote;
        if (r == null || r.rtp().isEmpty()) {
            return false;
        }
        InetSocketAddress expected = rtcpPort
                ? r.rtcp()
                        .orElseGet(() -> new InetSocketAddress(
                                r.rtp().get().getAddress(), r.rtp().get().getPort() + 1))
                : r.rtp().get();
        return expected.equals(source);
    }

    private void latch(InetSocketAddress source, boolean rtcpPort) {
        if (!latching) {
            return;
        }
        if (rtcpPort ? latchedRtcp == null : latchedRtp == null) {
            synchronized (sendLock) {
                if (rtcpPort) {
                    latchedRtcp = source;
                } else {
                    latchedRtp = source;
                }
            }
            metrics.latched();
            log.info("RTP leg {} latched {} to {}", id, rtcpPort ? "RTCP" : "RTP", source);
        }
    }

    /**
     * The array that holds the unprotected packet from index 0: the received one itself (unprotect only strips the
     * tag, and the SRTCP index, at the end), else a copy.
     */
    private static byte[] plainArray(PacketBuffer buffer) {
        return buffer.offset() == 0
                ? buffer.array()
                : Arrays.copyOfRange(buffer.array(), buffer.offset(), buffer.offset() + buffer.length());
    }

    private static RtpDrop drop(SrtpOutcome outcome) {
        return switch (outcome) {
            case AUTH_FAILED -> RtpDrop.AUTH_FAILED;
            case REPLAYED, TOO_OLD -> RtpDrop.REPLAYED;
            case MALFORMED -> RtpDrop.MALFORMED;
            case NOT_READY -> RtpDrop.NOT_READY;
            default -> RtpDrop.SRTP_FAILED;
        };
    }

    private void dropIn(RtpDrop reason) {
        dropped.incrementAndGet();
        metrics.droppedIn(reason);
    }

    private void end(LegEndReason reason) {
        if (ended) {
            return;
        }
        ended = true;
        LegListener l = listener;
        if (l != null) {
            try {
                l.ended(this, reason);
            } catch (RuntimeException e) {
                log.warn("RTP leg {} listener failed on end: {}", id, e.toString());
            }
        }
    }

    // ---------------------------------------------------------------- lifecycle

    RtpPortPool.PortPair ports() {
        return ports;
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        synchronized (sendLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        metrics.lost(inbound.lost());
        owner.release(this); // the reader no longer reads this leg once this returns
        SrtpSession session = srtp;
        if (session != null) {
            session.close();
        }
    }

    private int clockRateOf(int payloadType) {
        return clockRates.of(payloadType);
    }

    private static long jittered(long interval) {
        return (long) (interval * (0.5 + RANDOM.nextDouble()));
    }

    static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    @Override
    public String toString() {
        return "RtpLeg[" + id + "]";
    }
}
