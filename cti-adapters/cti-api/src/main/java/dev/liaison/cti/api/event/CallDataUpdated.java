package dev.liaison.cti.api.event;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** The call's data changed at the vendor (by us or another client); {@code callData} holds the fields now set. */
public record CallDataUpdated(String link, Instant at, CallRef call, Map<String, String> callData)
        implements CtiEvent.CallEvent {

    public CallDataUpdated {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(call, "call");
        callData = Map.copyOf(callData);
    }

    @Override
    public String type() {
        return "call.data";
    }
}
