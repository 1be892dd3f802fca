package dev.liaison.cti.api.event;

import java.time.Instant;
import java.util.Objects;

/** The call was answered at {@code answeringDevice} (an agent's instrument or extension). */
public record CallEstablished(String link, Instant at, CallRef call, String answeringDevice)
        implements CtiEvent.CallEvent {

    public CallEstablished {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(call, "call");
    }

    @Override
    public String type() {
        return "call.established";
    }
}
