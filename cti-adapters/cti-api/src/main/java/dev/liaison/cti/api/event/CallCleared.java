package dev.liaison.cti.api.event;

import java.time.Instant;
import java.util.Objects;

/** The call ended; {@code cause} is the vendor's event cause, normalized to lower case words. */
public record CallCleared(String link, Instant at, CallRef call, String cause) implements CtiEvent.CallEvent {

    public CallCleared {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(call, "call");
    }

    @Override
    public String type() {
        return "call.cleared";
    }
}
