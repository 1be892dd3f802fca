package dev.liaison.palettes.callback;

import dev.liaison.palettes.web.ApiException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A callback request field is missing or wrong; the code says what, {@code field} says where. */
public class InvalidCallbackException extends ApiException {

    private static final long serialVersionUID = 1L;

    private final String field;

    InvalidCallbackException(String code, String field, String message) {
        super(
                HttpStatus.BAD_REQUEST,
                code,
                field + " " + message,
                Map.of("field", field, "errors", List.of(Map.of("field", field, "message", message))));
        this.field = field;
    }

    /** The request field at fault, such as {@code when} or {@code phoneNumber}. */
    public String field() {
        return field;
    }
}
