package dev.liaison.palettes.web;

import org.springframework.http.HttpStatus;

/** An operation that the current state of a task, offer or agent does not allow. */
public class ConflictException extends ApiException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String code, String message) {
        super(HttpStatus.CONFLICT, code, message);
    }
}
