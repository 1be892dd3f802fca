package dev.liaison.gateway.call;

/** The node refuses to place a new call ({@link B2bua#originate}): it is stopping or carries its maximum of calls. */
public class CallRefusedException extends RuntimeException {

    private final transient EndReason reason;

    public CallRefusedException(EndReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** The reason a refused incoming call would have been given. */
    public EndReason reason() {
        return reason;
    }
}
