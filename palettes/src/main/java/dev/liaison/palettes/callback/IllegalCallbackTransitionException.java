package dev.liaison.palettes.callback;

import dev.liaison.palettes.web.ApiException;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** A change that the callback's current state does not allow. */
public class IllegalCallbackTransitionException extends ApiException {

    private static final long serialVersionUID = 1L;

    public IllegalCallbackTransitionException(UUID id, CallbackState from, CallbackState to) {
        super(
                HttpStatus.CONFLICT,
                "callback.illegal_transition",
                "callback " + id + " is " + from + " and cannot become " + to,
                Map.of("callback", id.toString(), "state", from.name(), "to", to.name()));
    }
}
