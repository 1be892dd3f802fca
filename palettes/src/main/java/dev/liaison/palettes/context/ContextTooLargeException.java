package dev.liaison.palettes.context;

import dev.liaison.palettes.web.ApiException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The write would make the merged context of the interaction larger than the limit; nothing was written. */
public class ContextTooLargeException extends ApiException {

    private static final long serialVersionUID = 1L;

    private final int limitBytes;
    private final int sizeBytes;

    public ContextTooLargeException(int limitBytes, int sizeBytes) {
        super(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "context.too_large",
                "the context would take " + sizeBytes + " bytes, more than the limit of " + limitBytes
                        + "; nothing was written",
                Map.of("limitBytes", limitBytes, "sizeBytes", sizeBytes));
        this.limitBytes = limitBytes;
        this.sizeBytes = sizeBytes;
    }

    public int limitBytes() {
        return limitBytes;
    }

    /** The size the merged context would have reached with the rejected write. */
    public int sizeBytes() {
        return sizeBytes;
    }
}
