package dev.liaison.media.rtp;

import static dev.liaison.media.rtp.RtpPacket.readInt;
import static dev.liaison.media.rtp.RtpPacket.readShort;

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
import dev.liaison.media.rtp.RtpFormatException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads RTCP compound packets (RFC 3550 6, RFC 4585 6, RFC 5104 4.3.1): SR, RR, SDES, BYE, generic NACK, PLI and FIR;
 * APP, other types and other feedback formats are skipped by their length. Every length is checked against the
 * buffer; anything malformed, and anything beyond the limits below, is an {@link RtpFormatException}.
 */
public final class RtcpParser {
    /** Largest compound packet accepted. */
    public static final int MAX_LENGTH = 8192;
    /** Most packets in one compound. */
    public static final int MAX_PACKETS = 32;
    /** Most generic NACK items (each names up to 17 packets) in one feedback message. */
    public static final int MAX_NACK_ITEMS = 128;
    /** Most FIR entries in one message. */
    public static final int MAX_FIR_ENTRIES = 32;
    /** Most items in one SDES chunk. */
    public static final int MAX_SDES_ITEMS = 16;

    private RtcpParser() {}

    public static RtcpCompound parse(byte[] data) throws RtpFormatException {
        return parse(data, 0, data == null ? 0 : data.length);
    }

    public static RtcpCompound parse(byte[] data, int offset, int length) throws RtpFormatException {
        if (data == null || offset < 0 || length < 0 || offset > data.length - length) {
            throw new RtpFormatException(Reason.TOO_SHORT, "offset/length outside the buffer");
        }
        if (length < 4) {
            throw new RtpFormatException(Reason.TOO_SHORT, "RTCP packet of " + length + " bytes");
        }
        if (length > MAX_LENGTH) {
            throw new RtpFormatException(Reason.LIMIT_EXCEEDED, "RTCP compound of " + length + " bytes");
        }
        List<RtcpPacket> packets = new ArrayList<>();
        int skipped = 0;
        int at = offset;
        int end = offset + length;
        int count = 0;
        while (at < end) {
            if (++count > MAX_PACKETS) {
                throw new RtpFormatException(Reason.LIMIT_EXCEEDED, "more than " + MAX_PACKETS + " RTCP packets");
            }
            Header h = header(data, at, end);
            RtcpPacket packet = packet(data, h);
            if (packet == null) {
                skipped++;
            } else {
                packets.add(packet);
            }
            at += h.length;
        }
        return new RtcpCompound(packets, skipped);
    }

    /** The fixed part of one packet: where it starts, its total length and where its content ends (padding cut). */
    record Header(int start, int count, int type, int length, int contentEnd) {}

    static Header header(byte[] data, int at, int end) throws RtpFormatException {
        if (end - at < 4) {
            throw new RtpFormatException(Reason.TOO_SHORT, (end - at) + " trailing bytes after the last RTCP packet");
        }
        int first = data[at] & 0xFF;
        if (first >> 6 != 2) {
            throw new RtpFormatException(Reason.BAD_VERSION, "RTCP version " + (first >> 6));
        }
        int type = data[at + 1] & 0xFF;
        if (!PacketKind.isRtcpSecondByte(type)) {
            throw new RtpFormatException(Reason.WRONG_KIND, "packet type " + type + " is not RTCP");
        }
        int length = 4 * (readShort(data, at + 2) + 1);
        if (length > end - at) {
            throw new RtpFormatException(Reason.BAD_LENGTH, "RTCP length " + length + " exceeds " + (end - at));
        }
        int contentEnd = at + length;
        if ((first & 0x20) != 0) {
            int padding = data[at + length - 1] & 0xFF;
            if (padding == 0 || padding > length - 4) {
                throw new RtpFormatException(Reason.BAD_PADDING, "RTCP padding count " + padding);
            }
            contentEnd -= padding;
        }
        return new Header(at, first & 0x1F, type, length, contentEnd);
    }

    private static RtcpPacket packet(byte[] data, Header h) throws RtpFormatException {
        return switch (h.type) {
            case RtcpPacket.SR -> senderReport(data, h);
            case RtcpPacket.RR -> receiverReport(data, h);
            case RtcpPacket.SDES -> sourceDescription(data, h);
            case RtcpPacket.BYE -> bye(data, h);
            case RtcpPacket.RTPFB -> h.count == 1 ? nack(data, h) : null;
            case RtcpPacket.PSFB -> h.count == 1 ? pli(data, h) : h.count == 4 ? fir(data, h) : null;
            default -> null;
        };
    }

    private static SenderReport senderReport(byte[] data, Header h) throws RtpFormatException {
        need(h, 28 + 24 * h.count, "SR");
        int at = h.start + 4;
        long ntp = ((readInt(data, at + 4) & 0xFFFF_FFFFL) << 32) | (readInt(data, at + 8) & 0xFFFF_FFFFL);
        return new SenderReport(
                readInt(data, at),
                ntp,
                unsigned(data, at + 12),
                unsigned(data, at + 16),
                unsigned(data, at + 20),
                blocks(data, h.start + 28, h.count));
    }

    private static ReceiverReport receiverReport(byte[] data, Header h) throws RtpFormatException {
        need(h, 8 + 24 * h.count, "RR");
        return new ReceiverReport(readInt(data, h.start + 4), blocks(data, h.start + 8, h.count));
    }

    private static List<ReportBlock> blocks(byte[] data, int at, int count) {
        List<ReportBlock> blocks = new ArrayList<>(count);
        for (int i = 0; i < count; i++, at += 24) {
            int lost = ((data[at + 5] & 0xFF) << 16) | ((data[at + 6] & 0xFF) << 8) | (data[at + 7] & 0xFF);
            blocks.add(new ReportBlock(
                    readInt(data, at),
                    data[at + 4] & 0xFF,
                    (lost << 8) >> 8,
                    unsigned(data, at + 8),
                    unsigned(data, at + 12),
                    unsigned(data, at + 16),
                    unsigned(data, at + 20)));
        }
        return blocks;
    }

    private static SourceDescription sourceDescription(byte[] data, Header h) throws RtpFormatException {
        List<SdesChunk> chunks = new ArrayList<>(h.count);
        int at = h.start + 4;
        for (int c = 0; c < h.count; c++) {
            if (at + 4 > h.contentEnd) {
                throw new RtpFormatException(Reason.BAD_RTCP_CONTENT, "SDES chunk runs past its packet");
            }
            int ssrc = readInt(data, at);
            at += 4;
            List<SdesItem> items = new ArrayList<>();
            while (true) {
                if (at >= h.contentEnd) {
                    throw new RtpFormatException(Reason.BAD_RTCP_CONTENT, "SDES chunk without end item");
                }
                int type = data[at] & 0xFF;
                if (type == 0) {
                    at = (at - h.start + 4) & ~3; // the null item and padding to the next 32-bit boundary
                    at += h.start;
                    break;
                }
                if (at + 2 > h.contentEnd || at + 2 + (data[at + 1] & 0xFF) > h.contentEnd) {
                    throw new RtpFormatException(Reason.BAD_RTCP_CONTENT, "SDES item runs past its packet");
                }
                if (items.size() == MAX_SDES_ITEMS) {
                    throw new RtpFormatException(Reason.LIMIT_EXCEEDED, "more than " + MAX_SDES_ITEMS + " items");
                }
                int len = data[at + 1] & 0xFF;
                items.add(new SdesItem(type, new String(data, at + 2, len, StandardCharsets.UTF_8)));
                at += 2 + len;
            }
            if (at > h.start + h.length) {
                throw new RtpFormatException(Reason.BAD_RTCP_CONTENT, "SDES chunk padding runs past its packet");
            }
            chunks.add(new SdesChunk(ssrc, items));
        }
        return new SourceDescription(chunks);
    }

    private static Bye bye(byte[] data, Header h) throws RtpFormatException {
        need(h, 4 + 4 * h.count, "BYE");
        List<Integer> ssrcs = new ArrayList<>(h.count);
        for (int i = 0; i < h.count; i++) {
            ssrcs.add(readInt(data, h.start + 4 + 4 * i));
        }
        int at = h.start + 4 + 4 * h.count;
        Optional<String> reason = Optional.empty();
        if (at < h.contentEnd) {
            int len = data[at] & 0xFF;
            if (at + 1 + len > h.contentEnd) {
                throw new RtpFormatException(Reason.BAD_RTCP_CONTENT, "BYE reason runs past its packet");
            }
            reason = Optional.of(new String(data, at + 1, len, StandardCharsets.UTF_8));
        }
        return new Bye(ssrcs, reason);
    }

    private static GenericNack nack(byte[] data, Header h) throws RtpFormatException {
        int fci = fci(h, 4, MAX_NACK_ITEMS, "generic NACK");
        List<NackItem> items = new ArrayList<>(fci);
        for (int i = 0; i < fci; i++) {
            int at = h.start + 12 + 4 * i;
            items.add(new NackItem(readShort(data, at), readShort(data, at + 2)));
        }
        return new GenericNack(readInt(data, h.start + 4), readInt(data, h.start + 8), items);
    }

    private static PictureLossIndication pli(byte[] data, Header h) throws RtpFormatException {
        need(h, 12, "PLI");
        return new PictureLossIndication(readInt(data, h.start + 4), readInt(data, h.start + 8));
    }

    private static FullIntraRequest fir(byte[] data, Header h) throws RtpFormatException {
        int fci = fci(h, 8, MAX_FIR_ENTRIES, "FIR");
        List<FirEntry> entries = new ArrayList<>(fci);
        for (int i = 0; i < fci; i++) {
            int at = h.start + 12 + 8 * i;
            entries.add(new FirEntry(readInt(data, at), data[at + 4] & 0xFF));
        }
        return new FullIntraRequest(readInt(data, h.start + 4), readInt(data, h.start + 8), entries);
    }

    /** Number of feedback control information entries of {@code size} bytes after the 12-byte common header. */
    private static int fci(Header h, int size, int max, String what) throws RtpFormatException {
        need(h, 12, what);
        int bytes = h.contentEnd - h.start - 12;
        if (bytes % size != 0 || bytes == 0) {
            throw new RtpFormatException(Reason.BAD_RTCP_CONTENT, what + " with " + bytes + " bytes of entries");
        }
        if (bytes / size > max) {
            throw new RtpFormatException(Reason.LIMIT_EXCEEDED, what + " with more than " + max + " entries");
        }
        return bytes / size;
    }

    private static void need(Header h, int bytes, String what) throws RtpFormatException {
        if (h.contentEnd - h.start < bytes) {
            throw new RtpFormatException(
                    Reason.BAD_RTCP_CONTENT, what + " needs " + bytes + " bytes, has " + (h.contentEnd - h.start));
        }
    }

    private static long unsigned(byte[] data, int at) {
        return readInt(data, at) & 0xFFFF_FFFFL;
    }
}
