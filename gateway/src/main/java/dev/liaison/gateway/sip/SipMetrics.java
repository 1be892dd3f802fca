package dev.liaison.gateway.sip;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The SIP trunk's meters: {@code liaison.sip.responses} (responses sent and received, tagged by status code and
 * direction), {@code liaison.sip.legs.active} (SIP legs alive), {@code liaison.sip.call.setup} (from INVITE to the final
 * response, tagged by direction and outcome) and {@code liaison.sip.requests.rejected} (requests refused by the
 * overload and peer checks, tagged by reason).
 */
public final class SipMetrics {

    private final MeterRegistry registry;

    public SipMetrics(MeterRegistry registry, LegRegistry legs) {
        this.registry = registry;
        Gauge.builder("liaison.sip.legs.active", legs, LegRegistry::size)
                .description("SIP legs (dialogs) alive")
                .register(registry);
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
