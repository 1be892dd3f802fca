package dev.liaison.media.codec;

/** A payload that could not be encoded or decoded. */
public final class CodecException extends Exception {
    public CodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
