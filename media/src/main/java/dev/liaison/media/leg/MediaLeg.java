package dev.liaison.media.leg;

import java.time.Instant;
import java.util.Optional;

/**
 * One side of a media bridge. Inbound packets reach the {@link LegListener} already decrypted and checked; outbound
 * packets are given plain and the leg protects them when its transport needs it. Implementations are thread-safe:
 * the bridge sends from the other leg's receiving thread.
 */
public interface MediaLeg extends AutoCloseable {

    /** A stable id for logs and meters. */
    String id();

    /** Where inbound RTP and RTCP go, and who hears that the leg ended. Set once, before packets flow. */
    void listen(LegListener listener);

    /**
     * Sends one plain RTP packet ({@code length} bytes of {@code packet} from offset 0). Returns false when the leg
     * cannot send yet (no peer address, DTLS not done) or has ended; the packet is then dropped and counted.
     */
    boolean sendRtp(byte[] packet, int length);

    /** Sends one plain RTCP packet (compound or reduced size), as {@link #sendRtp}. */
    boolean sendRtcp(byte[] packet, int length);

    /**
     * The RTP clock rate of {@code payloadType} as the negotiated codec's {@code a=rtpmap} gives it (48000 for Opus,
     * 90000 for video, 8000 for G.711): the leg's jitter and its RTCP sender reports count in it. The bridge calls it
     * for every codec of an answer, before media flows on it; a leg not told uses the static rates of RFC 3551 and
     * its own default. Legs that keep no receive statistics ignore it.
     *
     * @throws IllegalArgumentException for a payload type outside 0..127 or a rate that is not positive
     */
    default void clockRate(int payloadType, int hz) {
        if (payloadType < 0 || payloadType > 127 || hz < 1) {
            throw new IllegalArgumentException(
                    "payload type 0..127 and a positive clock rate, got " + payloadType + "/" + hz);
        }
    }

    /** True once media can flow both ways (peer address known; for SRTP legs, keys in place). */
    boolean ready();

    /** When the last valid inbound packet arrived; empty before the first. Drives the inactivity timeout. */
    Optional<Instant> lastReceived();

    /** Counters of this leg so far. */
    LegStatistics statistics();

    /** Releases sockets, ports, keys and threads. Idempotent; does not call {@link LegListener#ended}. */
    @Override
    void close();
}
