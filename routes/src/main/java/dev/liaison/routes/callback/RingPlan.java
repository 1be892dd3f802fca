package dev.liaison.routes.callback;

import dev.liaison.gateway.client.ClientSessionInfo;
import dev.liaison.palettes.callback.CallbackDialing;
import dev.liaison.palettes.callback.CallbackTarget;
import java.util.List;

/**
 * Where a callback attempt rings the customer: target {@code in-app} rings a client session of the contact when one is
 * connected, else falls back to the phone number when there is one; target {@code phone} calls the number through the
 * callback trunk. Pure: the sessions and the settings are given.
 */
final class RingPlan {

    private RingPlan() {}

    /** What to do for one attempt. */
    sealed interface Ring {}

    /** Ring the customer's page or app on {@code /ws/client}. */
    record InApp(String sessionId) implements Ring {}

    /** Call the phone through the trunk; {@code fallback} when the customer asked for in-app and was offline. */
    record Phone(String sipTarget, boolean fallback) implements Ring {}

    /** Nothing can be rung; {@code reason} is a stable code for the timeline. */
    record Impossible(String reason, String detail) implements Ring {}

    static Ring decide(
            CallbackDialing dialing, boolean phoneOnly, List<ClientSessionInfo> sessions, CallbackDialingProperties s) {
        if (dialing.target() == CallbackTarget.IN_APP && !phoneOnly) {
            String correlation = dialing.correlationId().toString();
            for (ClientSessionInfo session : sessions) {
                if (session.correlationId().equals(correlation)) {
                    return new InApp(session.sessionId());
                }
            }
            if (dialing.phoneNumber() == null) {
                return new Impossible("customer-offline", "no client session of the contact and no phone number");
            }
            return phone(dialing, true, s);
        }
        if (dialing.phoneNumber() == null) {
            return new Impossible("no-phone-number", "the callback has no phone number");
        }
        return phone(dialing, dialing.target() == CallbackTarget.IN_APP, s);
    }

    private static Ring phone(CallbackDialing dialing, boolean fallback, CallbackDialingProperties s) {
        if (!s.hasTrunk()) {
            return new Impossible("no-trunk", "liaison.callback.dialing.sip-target-template is not set");
        }
        return new Phone(s.sipTarget(dialing.phoneNumber()), fallback);
    }
}
