package dev.liaison.media.srtp;

import java.security.GeneralSecurityException;
import org.jitsi.srtp.SrtcpCryptoContext;
import org.jitsi.srtp.SrtpContextFactory;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;
import org.jitsi.utils.logging2.Logger;
import org.jitsi.utils.logging2.LoggerImpl;

/**
 * SRTP and SRTCP for one media session through jitsi-srtp: one crypto context per SSRC and direction (each with its
 * rollover counter and replay window), at most {@code maxSsrcs} of them per direction.
 */
public final class SrtpSession implements AutoCloseable {
    private static final Logger JITSI_LOG = new LoggerImpl(SrtpSession.class.getName());

    private final SrtpProfile profile;
    private final SrtpContextFactory sender;
    private final SrtpContextFactory receiver;
    private final int maxSsrcs;
    private final SrtpMetrics metrics;
    private final Contexts<SrtpCryptoContext> rtpOut = new Contexts<>();
    private final Contexts<SrtpCryptoContext> rtpIn = new Contexts<>();
    private final Contexts<SrtcpCryptoContext> rtcpOut = new Contexts<>();
    private final Contexts<SrtcpCryptoContext> rtcpIn = new Contexts<>();

    public SrtpSession(SrtpKeyingMaterial keys, int maxSsrcs, SrtpMetrics metrics) {
        if (maxSsrcs < 1) {
            throw new IllegalArgumentException("maxSsrcs must be positive");
        }
        SrtpCiphers.choose();
        this.profile = keys.profile();
        this.maxSsrcs = maxSsrcs;
        this.metrics = metrics;
        this.sender = new SrtpContextFactory(
                true,
                keys.localKey(),
                keys.localSalt(),
                SrtpPolicies.rtp(profile),
                SrtpPolicies.rtcp(profile),
                JITSI_LOG);
        this.receiver = new SrtpContextFactory(
                false,
                keys.remoteKey(),
                keys.remoteSalt(),
                SrtpPolicies.rtp(profile),
                SrtpPolicies.rtcp(profile),
                JITSI_LOG);
    }

    public SrtpProfile profile() {
        return profile;
    }

    public SrtpResult protectRtp(byte[] packet, int off, int len) {
        PacketBuffer buffer = new PacketBuffer(packet, off, len, PacketBuffer.TAG_SPARE);
        return result(buffer, rtp(buffer, true));
    }

    public SrtpResult unprotectRtp(byte[] packet, int off, int len) {
        PacketBuffer buffer = new PacketBuffer(packet, off, len, PacketBuffer.TAG_SPARE);
        return result(buffer, rtp(buffer, false));
    }

    public SrtpResult protectRtcp(byte[] packet, int off, int len) {
        PacketBuffer buffer = new PacketBuffer(packet, off, len, PacketBuffer.TAG_SPARE);
        return result(buffer, rtcp(buffer, true));
    }

    public SrtpResult unprotectRtcp(byte[] packet, int off, int len) {
        PacketBuffer buffer = new PacketBuffer(packet, off, len, PacketBuffer.TAG_SPARE);
        return result(buffer, rtcp(buffer, false));
    }

    /**
     * Protects the RTP packet in {@code buffer} in place (the tag is appended: give it a {@link PacketBuffer#copyOf}
     * copy, which has room for it). Allocates nothing per packet on our side; drops are counted.
     */
    public SrtpOutcome protectRtp(PacketBuffer buffer) {
        return rtp(buffer, true);
    }

    /** Checks and decrypts the SRTP packet in {@code buffer} in place ({@link PacketBuffer#wrap} is enough). */
    public SrtpOutcome unprotectRtp(PacketBuffer buffer) {
        return rtp(buffer, false);
    }

    /** Protects the RTCP compound in {@code buffer} in place, as {@link #protectRtp(PacketBuffer)}. */
    public SrtpOutcome protectRtcp(PacketBuffer buffer) {
        return rtcp(buffer, true);
    }

    /** Checks and decrypts the SRTCP packet in {@code buffer} in place. */
    public SrtpOutcome unprotectRtcp(PacketBuffer buffer) {
        return rtcp(buffer, false);
    }

    private static SrtpResult result(PacketBuffer buffer, SrtpOutcome outcome) {
        return outcome == SrtpOutcome.OK ? new SrtpResult(outcome, buffer.toArray()) : SrtpResult.dropped(outcome);
    }

    private SrtpOutcome rtp(PacketBuffer buffer, boolean protect) {
        String op = protect ? "protect" : "unprotect";
        byte[] packet = buffer.array();
        int off = buffer.offset();
        int len = buffer.length();
        int minimum = protect ? 12 : 12 + profile.rtpTagLength();
        if (len < minimum || (packet[off] & 0xC0) != 0x80) {
            return drop(op, "rtp", SrtpOutcome.MALFORMED);
        }
        int ssrc = readInt(packet, off + 8);
        Contexts<SrtpCryptoContext> contexts = protect ? rtpOut : rtpIn;
        try {
            SrtpCryptoContext context = contexts.get(ssrc);
            boolean fresh = context == null;
            if (fresh) {
                if (contexts.size() >= maxSsrcs) {
                    return drop(op, "rtp", SrtpOutcome.TOO_MANY_SSRCS);
                }
                context = contexts.computeIfAbsent(ssrc, s -> derive(protect, s));
            }
            SrtpErrorStatus status =
                    protect ? context.transformPacket(buffer) : context.reverseTransformPacket(buffer, false);
            SrtpOutcome outcome = outcome(op, "rtp", status);
            if (fresh && !protect && outcome != SrtpOutcome.OK) {
                // A stream exists only once a packet of it authenticates: spoofed SSRCs must not use up the slots.
                contexts.remove(ssrc, context);
            }
            return outcome;
        } catch (GeneralSecurityException | IllegalStateException e) {
            return drop(op, "rtp", SrtpOutcome.FAILED);
        }
    }

    private SrtpOutcome rtcp(PacketBuffer buffer, boolean protect) {
        String op = protect ? "protect" : "unprotect";
        byte[] packet = buffer.array();
        int off = buffer.offset();
        int len = buffer.length();
        int minimum = protect ? 8 : 8 + 4 + profile.rtcpTagLength();
        if (len < minimum || (packet[off] & 0xC0) != 0x80) {
            return drop(op, "rtcp", SrtpOutcome.MALFORMED);
        }
        int ssrc = readInt(packet, off + 4);
        Contexts<SrtcpCryptoContext> contexts = protect ? rtcpOut : rtcpIn;
        try {
            SrtcpCryptoContext context = contexts.get(ssrc);
            boolean fresh = context == null;
            if (fresh) {
                if (contexts.size() >= maxSsrcs) {
                    return drop(op, "rtcp", SrtpOutcome.TOO_MANY_SSRCS);
                }
                context = contexts.computeIfAbsent(ssrc, s -> deriveControl(protect, s));
            }
            SrtpErrorStatus status = protect ? context.transformPacket(buffer) : context.reverseTransformPacket(buffer);
            SrtpOutcome outcome = outcome(op, "rtcp", status);
            if (fresh && !protect && outcome != SrtpOutcome.OK) {
                contexts.remove(ssrc, context);
            }
            return outcome;
        } catch (GeneralSecurityException | IllegalStateException e) {
            return drop(op, "rtcp", SrtpOutcome.FAILED);
        }
    }

    private SrtpCryptoContext derive(boolean protect, int ssrc) {
        try {
            return (protect ? sender : receiver).deriveContext(ssrc, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive SRTP context", e);
        }
    }

    private SrtcpCryptoContext deriveControl(boolean protect, int ssrc) {
        try {
            return (protect ? sender : receiver).deriveControlContext(ssrc);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive SRTCP context", e);
        }
    }

    private SrtpOutcome outcome(String op, String kind, SrtpErrorStatus status) {
        SrtpOutcome outcome =
                switch (status) {
                    case OK -> SrtpOutcome.OK;
                    case AUTH_FAIL -> SrtpOutcome.AUTH_FAILED;
                    case REPLAY_FAIL -> SrtpOutcome.REPLAYED;
                    case REPLAY_OLD -> SrtpOutcome.TOO_OLD;
                    case INVALID_PACKET -> SrtpOutcome.MALFORMED;
                    case FAIL -> SrtpOutcome.FAILED;
                };
        return outcome == SrtpOutcome.OK ? outcome : drop(op, kind, outcome);
    }

    SrtpOutcome drop(String op, String kind, SrtpOutcome outcome) {
        metrics.dropped(op, kind, outcome);
        return outcome;
    }

    private static int readInt(byte[] b, int off) {
        return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }

    @Override
    public void close() {
        sender.close();
        receiver.close();
        rtpOut.clear();
        rtpIn.clear();
        rtcpOut.clear();
        rtcpIn.clear();
    }
}
