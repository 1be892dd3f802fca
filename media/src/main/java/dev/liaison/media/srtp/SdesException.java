package dev.liaison.media.srtp;

/** An {@code a=crypto} line we cannot accept; the SIP side answers 488 Not Acceptable Here for it. */
public final class SdesException extends Exception {
    public static final int SIP_STATUS = 488;

    public SdesException(String message) {
        super(message);
    }
}
