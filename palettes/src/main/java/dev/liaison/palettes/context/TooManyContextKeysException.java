package dev.liaison.palettes.context;

import dev.liaison.palettes.web.ApiException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The write would give the interaction more context keys than the limit; nothing was written. */
public class TooManyContextKeysException extends ApiException {

    private static final long serialVersionUID = 1L;

    public TooManyContextKeysException(int limitKeys, int keys) {
        super(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "context.too_many_keys",
                "the context would hold " + keys + " keys, more than the limit of " + limitKeys
                        + "; nothing was written",
                Map.of("limitKeys", limitKeys, "keys", keys));
    }
}
