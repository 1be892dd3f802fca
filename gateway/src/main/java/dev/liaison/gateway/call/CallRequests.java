package dev.liaison.gateway.call;

/**
 * Where new calls enter the back-to-back user agent. {@code client/} calls it when a browser asks for a call (after the
 * token's allow-list admitted the destination); {@code sip/} calls it for an INVITE from a configured trunk peer. The
 * implementation ({@code call/}) routes the request, opens the other leg through a {@link LegProvider} and bridges the
 * two through the media broker. It answers the caller only through the {@link CallLeg} commands (ringing, answer,
 * reject), never by return value, and returns without blocking.
 */
public interface CallRequests {

    void incoming(CallLeg caller, CallRequest request);

    /**
     * A new caller asks to take over {@code replaced}, an answered leg of a call here (SIP INVITE with
     * {@code Replaces}, RFC 3891): the call swaps {@code caller} in for it, or refuses {@code caller}. By default
     * refused with 501.
     */
    default void replacing(CallLeg caller, CallLeg replaced, CallRequest request) {
        caller.reject(new EndReason("not-supported", 501, "Replacing a dialog is not supported"));
    }
}
