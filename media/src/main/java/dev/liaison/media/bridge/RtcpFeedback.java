package dev.liaison.media.bridge;

import java.io.ByteArrayOutputStream;

/**
 * Picks the video feedback a relay forwards out of a (compound or reduced-size) RTCP packet: PLI and FIR (RFC 4585,
 * RFC 5104) and generic NACK, rewritten from the broker's stream to the source behind it. Everything else in the
 * packet (SR, RR, SDES, BYE, REMB, transport-cc) stays with the leg that received it.
 */
final class RtcpFeedback {
    private static final int RTPFB = 205;
    private static final int PSFB = 206;
    private static final int NACK = 1;
    private static final int PLI = 1;
    private static final int FIR = 4;

    /** Maps the broker's outbound SSRC (and sequence) on the leg that sent the feedback back to the source's. */
    interface Sources {
        long source(long brokerSsrc);

        int sourceSequence(long brokerSsrc, int sequence);
    }

    /** What came of one RTCP datagram. */
    record Result(byte[] forward, int terminated, int unmapped) {}

    private RtcpFeedback() {}

    /**
     * @param senderSsrc the broker's SSRC on the leg the feedback is forwarded to
     * @return the feedback to forward (null when none), and how many packets were kept back
     */
    static Result rewrite(byte[] packet, int length, long senderSsrc, Sources sources) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int terminated = 0;
        int unmapped = 0;
        int offset = 0;
        while (offset + 4 <= length) {
            if ((packet[offset] & 0xC0) != 0x80) {
                terminated++;
                break;
            }
            int size = 4 * (RtpHeader.readShort(packet, offset + 2) + 1);
            if (offset + size > length) {
                terminated++;
                break;
            }
            int type = packet[offset + 1] & 0xFF;
            int format = packet[offset] & 0x1F;
            boolean feedback = size >= 12
                    && ((type == PSFB && (format == PLI || format == FIR)) || (type == RTPFB && format == NACK));
            if (!feedback) {
                terminated++;
            } else {
                byte[] copy = new byte[size];
                System.arraycopy(packet, offset, copy, 0, size);
                if (rewriteOne(copy, type, format, senderSsrc, sources)) {
                    out.write(copy, 0, size);
                } else {
                    unmapped++;
                }
            }
            offset += size;
        }
        return new Result(out.size() == 0 ? null : out.toByteArray(), terminated, unmapped);
    }

    private static boolean rewriteOne(byte[] p, int type, int format, long senderSsrc, Sources sources) {
        RtpHeader.writeInt(p, 4, senderSsrc);
        if (type == PSFB && format == FIR) {
            // the media source field is unused; each FCI entry names a stream (SSRC, sequence number, reserved)
            if (p.length < 20) {
                return false;
            }
            for (int at = 12; at + 8 <= p.length; at += 8) {
                long source = sources.source(RtpHeader.readInt(p, at));
                if (source < 0) {
                    return false;
                }
                RtpHeader.writeInt(p, at, source);
            }
            return true;
        }
        long media = RtpHeader.readInt(p, 8);
        long source = sources.source(media);
        if (source < 0) {
            return false;
        }
        if (type == RTPFB) {
            // generic NACK: packet ID and bitmask of following lost packets; only the ID is renumbered
            if (p.length < 16) {
                return false;
            }
            for (int at = 12; at + 4 <= p.length; at += 4) {
                int sequence = sources.sourceSequence(media, RtpHeader.readShort(p, at));
                if (sequence < 0) {
                    return false;
                }
                RtpHeader.writeShort(p, at, sequence);
            }
        }
        RtpHeader.writeInt(p, 8, source);
        return true;
    }
}
