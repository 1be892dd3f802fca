package dev.liaison.gateway.call;

import java.util.Optional;

/**
 * Creates outbound legs of one kind: {@code sip/} towards the trunk, {@code client/} towards a connected browser or
 * app. The created leg is in state {@link LegState#NEW}; the call starts it with {@link CallLeg#start}.
 */
public interface LegProvider {

    LegKind kind();

    /**
     * A new outbound leg towards {@code target} (a SIP URI or number for SIP; a client session id or user name for
     * clients), or empty when this provider cannot reach it (no such connected client, target not allowed on the
     * trunk).
     *
     * @param callId the id of the call the leg will belong to, for logs and correlation headers
     */
    Optional<CallLeg> createOutbound(String target, String callId, CallRequest request);

    /**
     * Whether {@link #createReplacing} works: the legs of this kind can ask their far end to replace one of its dialogs
     * (SIP {@code Replaces}, RFC 3891), which an attended transfer needs. No by default.
     */
    default boolean canReplaceDialogs() {
        return false;
    }

    /**
     * Like {@link #createOutbound}, for an attended transfer: the new leg's call asks the target to replace the dialog
     * {@code replaces} ({@code call-id;to-tag=...;from-tag=...}, as the target sees it) with the new one. Only when
     * {@link #canReplaceDialogs} says so.
     */
    default Optional<CallLeg> createReplacing(String target, String callId, CallRequest request, String replaces) {
        throw new UnsupportedOperationException(kind() + " legs cannot replace a dialog");
    }
}
