package dev.liaison.cti.api.event;

import java.time.Instant;
import java.util.Objects;

/** The contact was placed in the vendor's {@code queue} (a UCCE service or skill group, a Genesys queue). */
public record ContactQueued(String link, Instant at, CallRef call, String queue) implements CtiEvent.CallEvent {

    public ContactQueued {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(call, "call");
    }

    @Override
    public String type() {
        return "contact.queued";
    }
}
