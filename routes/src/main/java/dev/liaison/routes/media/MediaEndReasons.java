package dev.liaison.routes.media;

import dev.liaison.gateway.call.EndReason;
import dev.liaison.media.leg.LegEndReason;

/** The reason a call ends with when the media broker ended its bridge, as callers and the audit log see it. */
final class MediaEndReasons {

    static final EndReason CONSENT_EXPIRED = new EndReason("media-consent-expired", 408, "Media consent expired");
    static final EndReason DTLS_FAILED = new EndReason("media-dtls-failed", 488, "Media encryption failed");
    static final EndReason TRANSPORT_FAILED = new EndReason("media-failed", 500, "Media transport failed");

    private MediaEndReasons() {}

    static EndReason of(LegEndReason reason) {
        return switch (reason) {
            case CONSENT_EXPIRED -> CONSENT_EXPIRED;
            case DTLS_FAILED -> DTLS_FAILED;
            case INACTIVITY -> EndReason.MEDIA_TIMEOUT;
            case TRANSPORT_FAILED -> TRANSPORT_FAILED;
        };
    }
}
