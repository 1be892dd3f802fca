package dev.liaison.palettes.context;

import dev.liaison.palettes.web.ApiException;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** No interaction has this correlation ID. */
public class InteractionNotFoundException extends ApiException {

    private static final long serialVersionUID = 1L;

    public InteractionNotFoundException(UUID correlationId) {
        super(
                HttpStatus.NOT_FOUND,
                "interaction.not_found",
                "no interaction has correlation ID " + correlationId,
                Map.of("correlationId", correlationId.toString()));
    }
}
