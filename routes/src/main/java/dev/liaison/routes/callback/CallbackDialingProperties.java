package dev.liaison.routes.callback;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How callbacks ring the customer ({@code liaison.callback.dialing.*}). Checked at startup.
 *
 * @param sipTargetTemplate the SIP target a phone callback calls, with {@code {number}} standing for the E.164 number
 *     (for example {@code sip:{number}@pbx.example.net:5060}); the result must also match
 *     {@code liaison.gateway.calls.allowed-sip-targets}. Empty: no trunk for callbacks, phone attempts fail
 *     ({@code no-trunk}).
 * @param callerName what an in-app customer's page is shown as the caller ({@code from} of {@code incoming-call})
 */
@ConfigurationProperties("liaison.callback.dialing")
public record CallbackDialingProperties(
        @DefaultValue("") String sipTargetTemplate, @DefaultValue("Callback") String callerName) {

    /** The placeholder of the number in {@link #sipTargetTemplate}. */
    public static final String NUMBER = "{number}";

    public CallbackDialingProperties {
        sipTargetTemplate = sipTargetTemplate == null ? "" : sipTargetTemplate.strip();
        if (!sipTargetTemplate.isEmpty()) {
            if (!sipTargetTemplate.startsWith("sip:") && !sipTargetTemplate.startsWith("sips:")) {
                throw new IllegalArgumentException("liaison.callback.dialing.sip-target-template must start with sip:"
                        + " or sips:, got '" + sipTargetTemplate + "'");
            }
            if (!sipTargetTemplate.contains(NUMBER)) {
                throw new IllegalArgumentException("liaison.callback.dialing.sip-target-template must contain " + NUMBER
                        + ", got '" + sipTargetTemplate + "'");
            }
        }
        if (callerName == null || callerName.isBlank() || callerName.length() > 100) {
            throw new IllegalArgumentException("liaison.callback.dialing.caller-name must be 1 to 100 characters");
        }
    }

    /** Whether phone callbacks have a trunk. */
    public boolean hasTrunk() {
        return !sipTargetTemplate.isEmpty();
    }

    /** The SIP target for an E.164 number. */
    public String sipTarget(String e164) {
        return sipTargetTemplate.replace(NUMBER, e164);
    }
}
