package dev.liaison.cti.api.event;

import java.time.Instant;
import java.util.Objects;

/**
 * The call was transferred: {@code call} is the call as it continues (the vendor's secondary call), {@code from} the
 * call it replaced, {@code transferredTo} the device it went to.
 */
public record CallTransferred(
        String link, Instant at, CallRef call, CallRef from, String transferringDevice, String transferredTo)
        implements CtiEvent.CallEvent {

    public CallTransferred {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(from, "from");
    }

    @Override
    public String type() {
        return "call.transferred";
    }
}
