package dev.liaison.media.rtp;

import static dev.liaison.media.rtp.RtpPacket.readInt;
import static dev.liaison.media.rtp.RtpPacket.writeInt;

import java.util.function.IntUnaryOperator;

/**
 * Rewrites the SSRCs of an RTCP compound in place when a relay forwards it to the other side of a bridge: the
 * sender's SSRCs (SR/RR sender, SDES chunks, BYE sources, feedback sender, APP) through {@code sender}, the SSRCs of
 * the media reported on (report blocks, feedback media source, FIR entries) through {@code media}. The compound is
 * validated first: nothing is changed when it is malformed.
 */
public final class RtcpRewriter {

    private RtcpRewriter() {}

    public static void rewrite(byte[] data, int offset, int length, IntUnaryOperator sender, IntUnaryOperator media)
            throws RtpFormatException {
        RtcpParser.parse(data, offset, length);
        int end = offset + length;
        for (int at = offset; at < end; ) {
            RtcpParser.Header h = RtcpParser.header(data, at, end);
            switch (h.type()) {
                case RtcpPacket.SR -> {
                    map(data, at + 4, sender);
                    blocks(data, at + 28, h.count(), media);
                }
                case RtcpPacket.RR -> {
                    map(data, at + 4, sender);
                    blocks(data, at + 8, h.count(), media);
                }
                case RtcpPacket.SDES -> chunks(data, h, sender);
                case RtcpPacket.BYE -> {
                    for (int i = 0; i < h.count(); i++) {
                        map(data, at + 4 + 4 * i, sender);
                    }
                }
                case RtcpPacket.RTPFB, RtcpPacket.PSFB -> {
                    if (h.contentEnd() - at >= 12) {
                        map(data, at + 4, sender);
                        map(data, at + 8, media);
                    }
                    if (h.type() == RtcpPacket.PSFB && h.count() == 4) {
                        for (int e = at + 12; e + 8 <= h.contentEnd(); e += 8) {
                            map(data, e, media);
                        }
                    }
                }
                default -> {
                    if (h.contentEnd() - at >= 8) {
                        map(data, at + 4, sender);
                    }
                }
            }
            at += h.length();
        }
    }

    private static void blocks(byte[] data, int at, int count, IntUnaryOperator media) {
        for (int i = 0; i < count; i++) {
            map(data, at + 24 * i, media);
        }
    }

    private static void chunks(byte[] data, RtcpParser.Header h, IntUnaryOperator sender) {
        int at = h.start() + 4;
        for (int c = 0; c < h.count(); c++) {
            map(data, at, sender);
            at += 4;
            while ((data[at] & 0xFF) != 0) {
                at += 2 + (data[at + 1] & 0xFF);
            }
            at = h.start() + ((at - h.start() + 4) & ~3);
        }
    }

    private static void map(byte[] data, int at, IntUnaryOperator mapping) {
        writeInt(data, at, mapping.applyAsInt(readInt(data, at)));
    }
}
