package dev.liaison.media.bridge;

import java.util.Locale;

/**
 * What became of telephone-events received on a leg; the {@code outcome} tag of
 * {@code liaison.media.bridge.dtmf.received}.
 */
enum DtmfReception {
    /** A key reported at its end packet. */
    DETECTED,
    /** A key reported without an end packet: the next event started, or none came for the timeout. */
    END_LOST,
    /** A telephone-event payload shorter than 4 bytes: counted and ignored (still relayed as before). */
    MALFORMED,
    /** A named event that is not a DTMF key (flash, tones: codes 16 and up): not reported. */
    NOT_DTMF;

    String tag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
