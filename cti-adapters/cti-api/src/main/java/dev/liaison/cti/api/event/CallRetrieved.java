package dev.liaison.cti.api.event;

import java.time.Instant;
import java.util.Objects;

/** The held call was taken off hold by {@code retrievingDevice}. */
public record CallRetrieved(String link, Instant at, CallRef call, String retrievingDevice)
        implements CtiEvent.CallEvent {

    public CallRetrieved {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(call, "call");
    }

    @Override
    public String type() {
        return "call.retrieved";
    }
}
