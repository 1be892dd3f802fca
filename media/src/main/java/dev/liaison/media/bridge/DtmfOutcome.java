package dev.liaison.media.bridge;

import java.util.Locale;

/** What became of one DTMF digit asked of a bridge; the {@code outcome} tag of {@code liaison.media.bridge.dtmf.digits}. */
enum DtmfOutcome {
    /** Every packet of the event was sent. */
    PLAYED,
    /** Refused at once: no telephone-event, media not flowing, queue full, bad digit. */
    REFUSED,
    /** Started or queued, then cut short: the bridge closed, or the side renegotiated or could not take a packet. */
    CUT;

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
