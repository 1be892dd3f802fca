package dev.liaison.media.rtp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One packet of an RTCP compound packet, as {@link RtcpParser} reads it and {@link RtcpWriter} writes it. */
public sealed interface RtcpPacket {
    int SR = 200;
    int RR = 201;
    int SDES = 202;
    int BYE = 203;
    int APP = 204;
    int RTPFB = 205;
    int PSFB = 206;

    /** The first SSRC of the packet (the sender's, for SR, RR and feedback; the first chunk's or source's else). */
    int senderSsrc();

    /**
     * One report block (RFC 3550 6.4.1).
     *
     * @param ssrc the source this block reports on
     * @param fractionLost lost fraction since the previous report, in 1/256 (0..255)
     * @param cumulativeLost packets lost since the start, signed 24 bits (duplicates can make it negative)
     * @param extendedHighestSequence cycles << 16 | highest sequence received
     * @param jitter interarrival jitter, in timestamp units
     * @param lastSenderReport the middle 32 bits of the NTP time of the last SR received from the source, 0 if none
     * @param delaySinceLastSenderReport since then, in 1/65536 s
     */
    record ReportBlock(
            int ssrc,
            int fractionLost,
            int cumulativeLost,
            long extendedHighestSequence,
            long jitter,
            long lastSenderReport,
            long delaySinceLastSenderReport) {
        public ReportBlock {
            if (fractionLost < 0 || fractionLost > 255) {
                throw new IllegalArgumentException("fraction lost out of range: " + fractionLost);
            }
            cumulativeLost = Math.max(-0x80_0000, Math.min(0x7F_FFFF, cumulativeLost));
        }

        public ReportBlock withSsrc(int newSsrc) {
            return new ReportBlock(
                    newSsrc,
                    fractionLost,
                    cumulativeLost,
                    extendedHighestSequence,
                    jitter,
                    lastSenderReport,
                    delaySinceLastSenderReport);
        }
    }

    /**
     * Sender report.
     *
     * @param ntpTimestamp 64-bit NTP time the report was sent
     * @param rtpTimestamp the same instant in RTP timestamp units, unsigned 32 bits
     * @param packetCount packets sent by this SSRC, unsigned 32 bits
     * @param octetCount payload bytes sent, unsigned 32 bits
     */
    record SenderReport(
            int senderSsrc,
            long ntpTimestamp,
            long rtpTimestamp,
            long packetCount,
            long octetCount,
            List<ReportBlock> reports)
            implements RtcpPacket {
        public SenderReport {
            reports = List.copyOf(reports);
        }

        /** The middle 32 bits of the NTP time: what receivers echo as LSR. */
        public long compactNtp() {
            return (ntpTimestamp >>> 16) & 0xFFFF_FFFFL;
        }
    }

    record ReceiverReport(int senderSsrc, List<ReportBlock> reports) implements RtcpPacket {
        public ReceiverReport {
            reports = List.copyOf(reports);
        }
    }

    /** One SDES item (type 1 CNAME, 2 NAME, ... 8 PRIV), value as UTF-8. */
    record SdesItem(int type, String value) {
        public static final int CNAME = 1;
    }

    record SdesChunk(int ssrc, List<SdesItem> items) {
        public SdesChunk {
            items = List.copyOf(items);
        }

        public Optional<String> cname() {
            return items.stream()
                    .filter(i -> i.type() == SdesItem.CNAME)
                    .map(SdesItem::value)
                    .findFirst();
        }
    }

    record SourceDescription(List<SdesChunk> chunks) implements RtcpPacket {
        public SourceDescription {
            chunks = List.copyOf(chunks);
        }

        @Override
        public int senderSsrc() {
            return chunks.isEmpty() ? 0 : chunks.get(0).ssrc();
        }
    }

    record Bye(List<Integer> ssrcs, Optional<String> reason) implements RtcpPacket {
        public Bye {
            ssrcs = List.copyOf(ssrcs);
        }

        @Override
        public int senderSsrc() {
            return ssrcs.isEmpty() ? 0 : ssrcs.get(0);
        }
    }

    /** One generic NACK item (RFC 4585 6.2.1): packet id and a bitmask of the 16 following lost packets. */
    record NackItem(int packetId, int bitmask) {}

    /** Transport-layer feedback, generic NACK (PT 205, FMT 1). */
    record GenericNack(int senderSsrc, int mediaSsrc, List<NackItem> items) implements RtcpPacket {
        public GenericNack {
            items = List.copyOf(items);
        }

        /** Every sequence number the items name, in order. */
        public List<Integer> lostSequences() {
            List<Integer> lost = new ArrayList<>();
            for (NackItem item : items) {
                lost.add(item.packetId());
                for (int bit = 0; bit < 16; bit++) {
                    if ((item.bitmask() & (1 << bit)) != 0) {
                        lost.add((item.packetId() + bit + 1) & 0xFFFF);
                    }
                }
            }
            return lost;
        }
    }

    /** Payload-specific feedback, picture loss indication (PT 206, FMT 1). */
    record PictureLossIndication(int senderSsrc, int mediaSsrc) implements RtcpPacket {}

    /** One FIR entry (RFC 5104 4.3.1.1): the source asked for a key frame and the request's sequence number. */
    record FirEntry(int ssrc, int sequence) {}

    /** Payload-specific feedback, full intra request (PT 206, FMT 4); the media source field is unused (0). */
    record FullIntraRequest(int senderSsrc, int mediaSsrc, List<FirEntry> entries) implements RtcpPacket {
        public FullIntraRequest {
            entries = List.copyOf(entries);
        }
    }
}
