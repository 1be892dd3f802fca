package dev.liaison.gateway.camel;

import java.util.Locale;

/** The commands the {@code gateway:calls} producer carries out. */
public enum GatewayCommand {
    /** Connect a routing call to a target (headers {@code LiaisonGatewayTarget}, optional kind). */
    CONNECT,
    /** Tell a routing call's caller that it rings. */
    RING,
    /** Refuse a routing call (header {@code LiaisonGatewayReason}, default {@code declined}). */
    REJECT,
    /** End a call in any state (header {@code LiaisonGatewayReason}, default {@code normal}). */
    HANGUP,
    /**
     * Place a call from the node itself (a callback) to {@code LiaisonGatewayTarget}; optional
     * {@code LiaisonGatewayCallId} (made when absent, set on the message), {@code LiaisonGatewayDestination},
     * {@code LiaisonGatewayFrom} and {@code LiaisonGatewayCorrelationId}.
     */
    ORIGINATE,
    /**
     * Answer a call's pending transfer request (REFER) with a resolved target: headers {@code LiaisonGatewayTarget},
     * optional {@code LiaisonGatewayTargetKind}. Wire name {@code transfer}.
     */
    TRANSFER,
    /**
     * Refuse a call's pending transfer request: header {@code LiaisonGatewayReason} (default {@code forbidden}). Wire
     * name {@code refuse-transfer}.
     */
    REFUSE_TRANSFER;

    static GatewayCommand parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown gateway command '" + value
                    + "'; expected connect, ring, reject, hangup, originate, transfer or refuse-transfer");
        }
    }
}
