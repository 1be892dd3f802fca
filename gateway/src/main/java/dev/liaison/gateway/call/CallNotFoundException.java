package dev.liaison.gateway.call;

/** A command named a call that does not exist on this node (never existed, or already ended). */
public class CallNotFoundException extends RuntimeException {

    public CallNotFoundException(String callId) {
        super("No call " + callId + " on this node");
    }
}
