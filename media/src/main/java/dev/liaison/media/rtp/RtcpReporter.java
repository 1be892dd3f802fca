package dev.liaison.media.rtp;

import dev.liaison.media.rtp.RtcpPacket.Bye;
import dev.liaison.media.rtp.RtcpPacket.ReceiverReport;
import dev.liaison.media.rtp.RtcpPacket.ReportBlock;
import dev.liaison.media.rtp.RtcpPacket.SdesChunk;
import dev.liaison.media.rtp.RtcpPacket.SdesItem;
import dev.liaison.media.rtp.RtcpPacket.SenderReport;
import dev.liaison.media.rtp.RtcpPacket.SourceDescription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The RTCP participant of one leg (RFC 3550 6): receive statistics per inbound SSRC, what each of the leg's outbound
 * SSRCs sent, and the reports built from both. {@link #report} writes the compound the leg sends: one SR per outbound
 * SSRC that sent RTP within the sender timeout (RFC 8108 allows several in one compound), else an RR from the leg's
 * own report SSRC; the first of them carries the report blocks of the inbound streams; an SDES CNAME chunk for every
 * SSRC that reported. {@link #peerReports} takes the peer's SRs (for the LSR/DLSR of our next blocks) and the peer's
 * report blocks about our outbound SSRCs (for the round-trip time). Thread-safe.
 */
public final class RtcpReporter {
    /** Outbound SSRCs tracked; the one that sent least recently is forgotten beyond this. */
    public static final int MAX_SENDERS = 8;

    private final int reportSsrc;
    private final String cname;
    private final long senderTimeoutNanos;
    private final InboundStreams inbound = new InboundStreams();
    private final RoundTripEstimator roundTrip = new RoundTripEstimator();
    /** In order of the last packet sent, the most recent last. */
    private final Map<Integer, Sender> senders = new LinkedHashMap<>(16, 0.75f, true);

    /** One report to send: the compound, and the NTP time its SRs carry (0 when it is an RR only). */
    public record Report(byte[] compound, long ntpTimestamp, int senderReports) {}

    /** What one outbound SSRC sent, for its SR's sender info. */
    private static final class Sender {
        long packets;
        long octets;
        long lastTimestamp;
        long lastSentNanos;
        int clockRate;
    }

    /**
     * @param reportSsrc the SSRC of the leg's receiver reports while it sends nothing (random, RFC 3550 8.1)
     * @param cname the leg's SDES CNAME (RFC 7022: unique per leg, short)
     * @param senderTimeoutNanos an SSRC that sent nothing for this long gets no SR (RFC 3550 6.4: two intervals)
     */
    public RtcpReporter(int reportSsrc, String cname, long senderTimeoutNanos) {
        if (cname.isEmpty() || cname.length() > 255 || senderTimeoutNanos <= 0) {
            throw new IllegalArgumentException("a CNAME of 1..255 characters and a positive sender timeout");
        }
        this.reportSsrc = reportSsrc;
        this.cname = cname;
        this.senderTimeoutNanos = senderTimeoutNanos;
    }

    public int reportSsrc() {
        return reportSsrc;
    }

    /** A valid (for SRTP: authenticated) inbound RTP packet arrived at {@code arrivalNanos}. */
    public void received(RtpPacket packet, long arrivalNanos, int clockRate) {
        inbound.rtp(packet, arrivalNanos, clockRate);
    }

    /** The leg sent {@code packet} at {@code nowNanos}. */
    public synchronized void sent(RtpPacket packet, long nowNanos, int clockRate) {
        Sender sender = senders.get(packet.ssrc());
        if (sender == null) {
            if (senders.size() == MAX_SENDERS) {
                Iterator<Sender> oldest = senders.values().iterator();
                oldest.next();
                oldest.remove();
            }
            sender = new Sender();
            senders.put(packet.ssrc(), sender);
        }
        sender.packets++;
        sender.octets += packet.payloadLength();
        sender.lastTimestamp = packet.timestamp();
        sender.lastSentNanos = nowNanos;
        sender.clockRate = clockRate;
    }

    /**
     * The leg's report at {@code now}; advances the fraction-lost intervals (A.3), so build one per report sent. Give
     * it to {@link #reportSent} once it is on the wire.
     */
    public Report report(Instant now) {
        return report(now, false);
    }

    /**
     * The leg's last report (RFC 3550 6.6): as {@link #report}, ended by a BYE for every SSRC the leg used (its
     * senders and its report SSRC), so the peer drops the streams at once instead of timing them out.
     */
    public Report goodbye(Instant now) {
        return report(now, true);
    }

    private Report report(Instant now, boolean bye) {
        long nowNanos = nanos(now);
        List<ReportBlock> blocks = inbound.reportBlocks(nowNanos);
        long ntp = NtpTime.of(now);
        List<RtcpPacket> compound = new ArrayList<>();
        List<SdesChunk> chunks = new ArrayList<>();
        synchronized (this) {
            for (Map.Entry<Integer, Sender> entry : senders.entrySet()) {
                Sender s = entry.getValue();
                if (nowNanos - s.lastSentNanos > senderTimeoutNanos) {
                    continue;
                }
                long elapsed = Math.max(0, nowNanos - s.lastSentNanos);
                long rtpNow = (s.lastTimestamp + elapsed * s.clockRate / 1_000_000_000L) & 0xFFFF_FFFFL;
                compound.add(new SenderReport(
                        entry.getKey(),
                        ntp,
                        rtpNow,
                        s.packets & 0xFFFF_FFFFL,
                        s.octets & 0xFFFF_FFFFL,
                        compound.isEmpty() ? blocks : List.of()));
                chunks.add(cnameChunk(entry.getKey()));
            }
        }
        int senderReports = compound.size();
        if (compound.isEmpty()) {
            compound.add(new ReceiverReport(reportSsrc, blocks));
            chunks.add(cnameChunk(reportSsrc));
        }
        compound.add(new SourceDescription(chunks));
        if (bye) {
            List<Integer> leaving = new ArrayList<>();
            synchronized (this) {
                leaving.addAll(senders.keySet());
            }
            if (!leaving.contains(reportSsrc)) {
                leaving.add(reportSsrc);
            }
            compound.add(new Bye(leaving, Optional.empty()));
        }
        return new Report(RtcpWriter.compound(compound), senderReports == 0 ? 0 : ntp, senderReports);
    }

    /** {@code report} went out: its SRs' NTP time is what the peer's LSR will echo. */
    public void reportSent(Report report) {
        if (report.senderReports() > 0) {
            roundTrip.sent(report.ntpTimestamp());
        }
    }

    /**
     * A valid RTCP compound from the peer arrived at {@code now}: its SRs are remembered per source for our report
     * blocks; its report blocks about our outbound SSRCs give the round-trip time, returned when one was measured.
     */
    public OptionalDouble peerReports(RtcpCompound compound, Instant now) {
        long nowNanos = nanos(now);
        long nowNtp = NtpTime.of(now);
        OptionalDouble measured = OptionalDouble.empty();
        for (RtcpPacket packet : compound.packets()) {
            List<ReportBlock> blocks;
            if (packet instanceof SenderReport sr) {
                inbound.senderReport(sr.senderSsrc(), sr.compactNtp(), nowNanos);
                blocks = sr.reports();
            } else if (packet instanceof ReceiverReport rr) {
                blocks = rr.reports();
            } else {
                continue;
            }
            for (ReportBlock block : blocks) {
                if (ours(block.ssrc())) {
                    OptionalDouble rtt = roundTrip.received(block, nowNtp);
                    if (rtt.isPresent()) {
                        measured = rtt;
                    }
                }
            }
        }
        return measured;
    }

    private synchronized boolean ours(int ssrc) {
        return senders.containsKey(ssrc);
    }

    /** Cumulative loss over the inbound streams (A.3). */
    public long lost() {
        return inbound.lost();
    }

    /** Interarrival jitter of the inbound stream that sent last, in milliseconds; -1 before any packet. */
    public double jitterMillis() {
        return inbound.jitterMillis();
    }

    /** The last round-trip time measured, in milliseconds; -1 before the first. */
    public double roundTripMillis() {
        return roundTrip.lastMillis();
    }

    private SdesChunk cnameChunk(int ssrc) {
        return new SdesChunk(ssrc, List.of(new SdesItem(SdesItem.CNAME, cname)));
    }

    static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
