package dev.liaison.cti.api.event;

import java.time.Instant;
import java.util.Objects;

/** The call was put on hold by {@code holdingDevice}. */
public record CallHeld(String link, Instant at, CallRef call, String holdingDevice) implements CtiEvent.CallEvent {

    public CallHeld {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(call, "call");
    }

    @Override
    public String type() {
        return "call.held";
    }
}
