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
    /** Release the bridge's legs and ports; idempotent. */
    CLOSE;

    static MediaOperation parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Unknown media operation '" + value + "'; expected open, offer, answer or close");
        }
    }
}
