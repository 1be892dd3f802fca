package dev.liaison.palettes.context;

import dev.liaison.palettes.web.ApiException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** One value of a write is larger than the per-value limit; nothing was written. */
public class ContextValueTooLargeException extends ApiException {

    private static final long serialVersionUID = 1L;

    public ContextValueTooLargeException(int index, ContextCategory category, String key, int limitBytes, int bytes) {
        super(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "context.value_too_large",
                "the value of " + category.wireName() + "." + key + " takes " + bytes
                        + " bytes, more than the limit of " + limitBytes + "; nothing was written",
                Map.of(
                        "field", "entries[" + index + "].value",
                        "category", category.wireName(),
                        "key", key,
                        "limitBytes", limitBytes,
                        "sizeBytes", bytes));
    }
}
