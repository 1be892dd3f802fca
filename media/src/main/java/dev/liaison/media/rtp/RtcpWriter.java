package dev.liaison.media.rtp;

import static dev.liaison.media.rtp.RtpPacket.writeInt;
import static dev.liaison.media.rtp.RtpPacket.writeShort;

import dev.liaison.media.rtp.RtcpPacket.Bye;
import dev.liaison.media.rtp.RtcpPacket.FirEntry;
import dev.liaison.media.rtp.RtcpPacket.FullIntraRequest;
import dev.liaison.media.rtp.RtcpPacket.GenericNack;
import dev.liaison.media.rtp.RtcpPacket.NackItem;
import dev.liaison.media.rtp.RtcpPacket.PictureLossIndication;
import dev.liaison.media.rtp.RtcpPacket.ReceiverReport;
import dev.liaison.media.rtp.RtcpPacket.ReportBlock;
import dev.liaison.media.rtp.RtcpPacket.SdesChunk;
import dev.liaison.media.rtp.RtcpPacket.SdesItem;
import dev.liaison.media.rtp.RtcpPacket.SenderReport;
import dev.liaison.media.rtp.RtcpPacket.SourceDescription;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Writes RTCP packets and compounds ({@link RtcpParser} reads them back). Sizes are checked against the formats. */
public final class RtcpWriter {
    private static final int MAX_REPORT_BLOCKS = 31;

    private RtcpWriter() {}

    /** The packets one after the other, as one compound packet. */
    public static byte[] compound(List<? extends RtcpPacket> packets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (RtcpPacket packet : packets) {
            out.writeBytes(write(packet));
        }
        return out.toByteArray();
    }

    public static byte[] write(RtcpPacket packet) {
        if (packet instanceof SenderReport sr) {
            return senderReport(sr);
        } else if (packet instanceof ReceiverReport rr) {
            return receiverReport(rr);
        } else if (packet instanceof SourceDescription sdes) {
            return sourceDescription(sdes);
        } else if (packet instanceof Bye bye) {
            return bye(bye);
        } else if (packet instanceof GenericNack nack) {
            return nack(nack);
        } else if (packet instanceof PictureLossIndication pli) {
            return pli(pli);
        } else {
            return fir((FullIntraRequest) packet);
        }
    }

    /** A generic NACK naming {@code lost} sequence numbers, packed into as few items as possible. */
    public static GenericNack nackFor(int senderSsrc, int mediaSsrc, List<Integer> lost) {
        List<NackItem> items = new ArrayList<>();
        int pid = -1;
        int mask = 0;
        for (int seq : new TreeSet<>(lost)) {
            int s = seq & 0xFFFF;
            int delta = pid < 0 ? -1 : s - pid - 1;
            if (pid >= 0 && delta < 16) {
                mask |= 1 << delta;
            } else {
                if (pid >= 0) {
                    items.add(new NackItem(pid, mask));
                }
                pid = s;
                mask = 0;
            }
        }
        if (pid >= 0) {
            items.add(new NackItem(pid, mask));
        }
        return new GenericNack(senderSsrc, mediaSsrc, items);
    }

    private static byte[] senderReport(SenderReport sr) {
        byte[] b = header(
                RtcpPacket.SR, blockCount(sr.reports()), 28 + 24 * sr.reports().size());
        writeInt(b, 4, sr.senderSsrc());
        writeInt(b, 8, (int) (sr.ntpTimestamp() >>> 32));
        writeInt(b, 12, (int) sr.ntpTimestamp());
        writeInt(b, 16, (int) sr.rtpTimestamp());
        writeInt(b, 20, (int) sr.packetCount());
        writeInt(b, 24, (int) sr.octetCount());
        blocks(b, 28, sr.reports());
        return b;
    }

    private static byte[] receiverReport(ReceiverReport rr) {
        byte[] b = header(
                RtcpPacket.RR, blockCount(rr.reports()), 8 + 24 * rr.reports().size());
        writeInt(b, 4, rr.senderSsrc());
        blocks(b, 8, rr.reports());
        return b;
    }

    private static int blockCount(List<ReportBlock> blocks) {
        if (blocks.size() > MAX_REPORT_BLOCKS) {
            throw new IllegalArgumentException("at most " + MAX_REPORT_BLOCKS + " report blocks per report");
        }
        return blocks.size();
    }

    private static void blocks(byte[] b, int at, List<ReportBlock> blocks) {
        for (ReportBlock block : blocks) {
            writeInt(b, at, block.ssrc());
            writeInt(b, at + 4, (block.fractionLost() << 24) | (block.cumulativeLost() & 0xFF_FFFF));
            writeInt(b, at + 8, (int) block.extendedHighestSequence());
            writeInt(b, at + 12, (int) block.jitter());
            writeInt(b, at + 16, (int) block.lastSenderReport());
            writeInt(b, at + 20, (int) block.delaySinceLastSenderReport());
            at += 24;
        }
    }

    private static byte[] sourceDescription(SourceDescription sdes) {
        if (sdes.chunks().size() > 31) {
            throw new IllegalArgumentException("at most 31 SDES chunks");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (SdesChunk chunk : sdes.chunks()) {
            byte[] ssrc = new byte[4];
            writeInt(ssrc, 0, chunk.ssrc());
            body.writeBytes(ssrc);
            int written = 4;
            for (SdesItem item : chunk.items()) {
                byte[] value = item.value().getBytes(StandardCharsets.UTF_8);
                if (item.type() < 1 || item.type() > 255 || value.length > 255) {
                    throw new IllegalArgumentException("SDES item type 1..255 with at most 255 bytes");
                }
                body.write(item.type());
                body.write(value.length);
                body.writeBytes(value);
                written += 2 + value.length;
            }
            int pad = 4 - (written % 4); // at least one null byte ends the item list
            body.writeBytes(new byte[pad]);
        }
        byte[] content = body.toByteArray();
        byte[] b = header(RtcpPacket.SDES, sdes.chunks().size(), 4 + content.length);
        System.arraycopy(content, 0, b, 4, content.length);
        return b;
    }

    private static byte[] bye(Bye bye) {
        if (bye.ssrcs().size() > 31) {
            throw new IllegalArgumentException("at most 31 sources in a BYE");
        }
        byte[] reason =
                bye.reason().map(r -> r.getBytes(StandardCharsets.UTF_8)).orElse(new byte[0]);
        if (reason.length > 255) {
            throw new IllegalArgumentException("BYE reason longer than 255 bytes");
        }
        int length = 4 + 4 * bye.ssrcs().size() + (bye.reason().isPresent() ? (1 + reason.length + 3) & ~3 : 0);
        byte[] b = header(RtcpPacket.BYE, bye.ssrcs().size(), length);
        int at = 4;
        for (int ssrc : bye.ssrcs()) {
            writeInt(b, at, ssrc);
            at += 4;
        }
        if (bye.reason().isPresent()) {
            b[at] = (byte) reason.length;
            System.arraycopy(reason, 0, b, at + 1, reason.length);
        }
        return b;
    }

    private static byte[] nack(GenericNack nack) {
        if (nack.items().isEmpty() || nack.items().size() > RtcpParser.MAX_NACK_ITEMS) {
            throw new IllegalArgumentException("a NACK carries 1.." + RtcpParser.MAX_NACK_ITEMS + " items");
        }
        byte[] b = feedback(
                RtcpPacket.RTPFB,
                1,
                nack.senderSsrc(),
                nack.mediaSsrc(),
                4 * nack.items().size());
        int at = 12;
        for (NackItem item : nack.items()) {
            writeShort(b, at, item.packetId());
            writeShort(b, at + 2, item.bitmask());
            at += 4;
        }
        return b;
    }

    private static byte[] pli(PictureLossIndication pli) {
        return feedback(RtcpPacket.PSFB, 1, pli.senderSsrc(), pli.mediaSsrc(), 0);
    }

    private static byte[] fir(FullIntraRequest fir) {
        if (fir.entries().isEmpty() || fir.entries().size() > RtcpParser.MAX_FIR_ENTRIES) {
            throw new IllegalArgumentException("a FIR carries 1.." + RtcpParser.MAX_FIR_ENTRIES + " entries");
        }
        byte[] b = feedback(
                RtcpPacket.PSFB,
                4,
                fir.senderSsrc(),
                fir.mediaSsrc(),
                8 * fir.entries().size());
        int at = 12;
        for (FirEntry entry : fir.entries()) {
            writeInt(b, at, entry.ssrc());
            b[at + 4] = (byte) entry.sequence();
            at += 8;
        }
        return b;
    }

    private static byte[] feedback(int type, int format, int sender, int media, int fciLength) {
        byte[] b = header(type, format, 12 + fciLength);
        writeInt(b, 4, sender);
        writeInt(b, 8, media);
        return b;
    }

    private static byte[] header(int type, int count, int length) {
        byte[] b = new byte[length];
        b[0] = (byte) (0x80 | count);
        b[1] = (byte) type;
        writeShort(b, 2, length / 4 - 1);
        return b;
    }
}
