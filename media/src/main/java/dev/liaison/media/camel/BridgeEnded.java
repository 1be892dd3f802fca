package dev.liaison.media.camel;

import dev.liaison.media.leg.LegEndReason;
import java.util.Locale;
import java.util.Objects;

/**
 * The broker ended a bridge on its own (a leg lost consent, failed DTLS, went silent): the call it carried must end.
 *
 * @param bridgeId the bridge, as {@code open} returned it
 * @param callId the call the bridge was opened for
 * @param reason why the leg stopped
 */
public record BridgeEnded(String bridgeId, String callId, LegEndReason reason) {

    public BridgeEnded {
        Objects.requireNonNull(bridgeId, "bridgeId");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(reason, "reason");
    }

    /** The reason as the {@code LiaisonMediaReason} header carries it: {@code consent-expired}, {@code inactivity}... */
    public String reasonCode() {
        return reasonCode(reason);
    }

    public static String reasonCode(LegEndReason reason) {
        return reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
