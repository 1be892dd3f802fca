package dev.liaison.gateway.call;

/**
 * Receives {@link CallEvent}s. Called on the call's own serial executor: implementations must not block for long (the
 * next event of the same call waits) and must not throw for flow control.
 */
@FunctionalInterface
public interface CallEventListener {

    void onCallEvent(CallEvent event);
}
