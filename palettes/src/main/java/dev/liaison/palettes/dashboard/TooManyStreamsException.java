package dev.liaison.palettes.dashboard;

import dev.liaison.palettes.web.ApiException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** Every statistics stream this node allows is open: 503, try again later. */
class TooManyStreamsException extends ApiException {

    private static final long serialVersionUID = 1L;

    TooManyStreamsException(int max) {
        super(
                HttpStatus.SERVICE_UNAVAILABLE,
                "statistics.too_many_streams",
                max + " statistics streams are open on this node (liaison.dashboard.max-streams); try again later",
                Map.of("maxStreams", max));
    }
}
