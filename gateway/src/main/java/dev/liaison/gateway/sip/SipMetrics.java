package dev.liaison.gateway.sip;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The SIP trunk's meters: {@code liaison.sip.responses} (responses sent and received, tagged by status code and
 * direction), {@code liaison.sip.legs.active} (SIP legs alive), {@code liaison.sip.call.setup} (from INVITE to the final
 * response, tagged by direction and outcome) and {@code liaison.sip.requests.rejected} (requests refused by the
 * overload and peer checks, tagged by reason), {@code liaison.sip.registration.state} (1 for the registration's state,
 * tagged by state, {@code disabled} without a registrar) and {@code liaison.sip.registration.attempts} (tagged by
 * outcome {@code registered} or {@code failed}).
 */
public final class SipMetrics {

    private final MeterRegistry registry;
    /** The registration state's tag, or "disabled" without a registrar. */
    private final AtomicReference<String> registrationState = new AtomicReference<>("disabled");

    public SipMetrics(MeterRegistry registry, LegRegistry legs) {
        this.registry = registry;
        Gauge.builder("liaison.sip.legs.active", legs, LegRegistry::size)
                .description("SIP legs (dialogs) alive")
                .register(registry);
        List<String> states = new ArrayList<>(List.of("disabled"));
        for (Registration.State state : Registration.State.values()) {
            states.add(state.tag());
        }
        for (String state : states) {
            Gauge.builder("liaison.sip.registration.state", registrationState, s -> state.equals(s.get()) ? 1 : 0)
                    .description("1 for the state the registration with the registrar is in, 0 for the others")
                    .tag("state", state)
                    .register(registry);
        }
    }

    void registrationState(Registration.State state) {
        registrationState.set(state.tag());
    }

    void registrationAttempt(String outcome) {
        Counter.builder("liaison.sip.registration.attempts")
                .description("REGISTER attempts by outcome")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    void response(int status, boolean sent) {
        Counter.builder("liaison.sip.responses")
                .description("SIP responses by status code")
                .tag("code", Integer.toString(status))
                .tag("direction", sent ? "sent" : "received")
                .register(registry)
                .increment();
    }

    void callSetup(boolean inbound, String outcome, Duration elapsed) {
        Timer.builder("liaison.sip.call.setup")
                .description("Time from INVITE to its final response")
                .tag("direction", inbound ? "inbound" : "outbound")
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry)
                .record(elapsed);
    }

    void rejected(String reason) {
        Counter.builder("liaison.sip.requests.rejected")
                .description("SIP requests refused before any processing")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }
}
