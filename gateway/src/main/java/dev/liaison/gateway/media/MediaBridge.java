package dev.liaison.gateway.media;

import dev.liaison.gateway.call.LegKind;
import java.util.Optional;

/**
 * The media broker's bridge for one call. It terminates each leg's media and rewrites SDP so that each side sees the
 * broker, never the other side: an offer from one side becomes the broker's offer to the other, and the other side's
 * answer becomes the broker's answer to the first.
 */
public interface MediaBridge extends AutoCloseable {

    /**
     * An SDP offer arrived from the leg of kind {@code from} ({@code side} names which of the call's two legs): returns
     * the broker's offer to send to the other leg, of kind {@code to} (a WebRTC offer towards {@code CLIENT} and
     * {@code SIP_WS} legs, plain RTP or SDES-SRTP towards {@code SIP} legs).
     *
     * @throws MediaException when the offer cannot be used (no common codec, malformed SDP)
     */
    String offer(BridgeSide side, LegKind from, LegKind to, String sdpOffer);

    /**
     * The answer to the last {@link #offer} arrived from the other leg: returns the broker's answer to send back to the
     * offering leg.
     */
    String answer(BridgeSide side, LegKind from, String sdpAnswer);

    /**
     * Sends one DTMF digit inside the media towards {@code side}: RFC 4733 telephone events in the RTP stream the
     * broker sends that leg, with the telephone-event payload type it negotiated. Returns at once (the packets follow
     * in real time, digits in the order asked).
     *
     * @param side the leg that receives the digit
     * @param digit 0-9, *, #, A-D
     * @param durationMillis how long the key is held, 40 to 5000 ms
     * @throws MediaException when the broker cannot (that leg negotiated no telephone-event, it receives no audio now,
     *     or this bridge cannot generate DTMF): the caller sends the digit another way
     */
    default void sendDtmf(BridgeSide side, char digit, int durationMillis) {
        throw new MediaException("this media bridge does not generate DTMF");
    }

    /**
     * The broker's counters of both legs now (packets, bytes, loss, jitter, round-trip time); empty when this bridge
     * has none to give.
     *
     * @throws MediaException when the broker could not be asked
     */
    default Optional<MediaStatistics> statistics() {
        return Optional.empty();
    }

    /** Release the broker's ports and state for this call. Idempotent. */
    @Override
    void close();
}
