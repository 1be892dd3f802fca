package dev.liaison.media.camel;

import java.util.Locale;

/** The operations of the {@code media:bridge} producer. */
public enum MediaOperation {
    /** Open a bridge for {@code LiaisonMediaCallId}; the body and {@code LiaisonMediaBridgeId} become its id. */
    OPEN,
    /** An SDP offer (body) from {@code LiaisonMediaSide}; the body becomes the broker's offer to the other side. */
    OFFER,
    /** The SDP answer (body) of {@code LiaisonMediaSide}; the body becomes the broker's answer to the offerer. */
    ANSWER,
    /**
     * One DTMF digit ({@code LiaisonMediaDtmfDigit}, held {@code LiaisonMediaDtmfDuration} ms) as RFC 4733 telephone
     * events into the RTP stream towards {@code LiaisonMediaSide}; returns at once, the packets follow in real time.
     */
    DTMF,
    /** The counters of the bridge's two legs: the body becomes a {@link dev.liaison.media.bridge.BridgeStatistics}. */
    STATISTICS,
    /** Release the bridge's legs and ports; idempotent. */
    CLOSE;

    static MediaOperation parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Unknown media operation '" + value + "'; expected open, offer, answer, dtmf, statistics or close");
        }
    }
}
