package dev.liaison.palettes.web;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** A queue, workflow, task, reservation or agent that does not exist. */
public class NotFoundException extends ApiException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String kind, Object key) {
        super(HttpStatus.NOT_FOUND, kind + ".not_found", "no " + kind + " " + key, Map.of(kind, String.valueOf(key)));
    }
}
