package dev.liaison.cti.api.event;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The call is alerting at {@code alertingDevice} (an agent's phone), from {@code ani} to {@code dnis}, with the call
 * data the vendor carries (screen-pop fields by their vendor names, e.g. {@code CallVariable1}, {@code user.id}).
 */
public record CallDelivered(
        String link,
        Instant at,
        CallRef call,
        String alertingDevice,
        String agentId,
        String ani,
        String dnis,
        Map<String, String> callData)
        implements CtiEvent.CallEvent {

    public CallDelivered {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(call, "call");
        callData = Map.copyOf(callData);
    }

    @Override
    public String type() {
        return "call.delivered";
    }
}
