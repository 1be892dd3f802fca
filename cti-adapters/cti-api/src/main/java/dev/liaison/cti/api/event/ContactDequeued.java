package dev.liaison.cti.api.event;

import java.time.Instant;
import java.util.Objects;

/** The contact left the vendor's {@code queue} (delivered, abandoned or moved). */
public record ContactDequeued(String link, Instant at, CallRef call, String queue) implements CtiEvent.CallEvent {

    public ContactDequeued {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(call, "call");
    }

    @Override
    public String type() {
        return "contact.dequeued";
    }
}
