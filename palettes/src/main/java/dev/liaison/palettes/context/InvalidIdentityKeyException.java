package dev.liaison.palettes.context;

import dev.liaison.palettes.web.ApiException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The identity key is not one of the accepted forms ({@code customer:}, {@code phone:}, {@code email:}). */
public class InvalidIdentityKeyException extends ApiException {

    private static final long serialVersionUID = 1L;

    public InvalidIdentityKeyException(String reason) {
        super(
                HttpStatus.BAD_REQUEST,
                "interaction.identity_invalid",
                "identityKey " + reason,
                Map.of("errors", List.of(Map.of("field", "identityKey", "message", reason))));
    }
}
