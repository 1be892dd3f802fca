package dev.liaison.gateway.call;

/**
 * Receives {@link CallEvent}s. Called on the call's own serial executor: implementations must not block for long (the
 * next event of the same call waits) and must not throw for flow control.
 */
@FunctionalInterface
public interface CallEventListener {

    void onCallEvent(CallEvent event);

    /**
     * Whether this listener takes events of {@code eventType} at all (a consumer with an event filter says no to the
     * others). The gateway decides a transfer request itself when no listener takes {@code call.transfer-requested}.
     */
    default boolean accepts(String eventType) {
        return true;
    }
}
