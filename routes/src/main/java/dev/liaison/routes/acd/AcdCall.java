package dev.liaison.routes.acd;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One call the ACD answers, from its {@code call.incoming} to its end. States: QUEUED (its task waits, the caller
 * hears ringing) → CONNECTING (an agent accepted; the call rings the agent's desktop) → CONNECTED (the agent answered)
 * → ENDED. Any state may go to ENDED; the transitions are the methods below, each atomic, each saying whether it
 * happened, so two threads never both act on one change.
 */
final class AcdCall {

    enum State {
        QUEUED,
        CONNECTING,
        CONNECTED,
        ENDED
    }

    final String callId;
    final UUID taskId;
    final UUID correlationId;
    final String destination;
    /** The customer's client session, for calls from a page or app; empty for a call from the trunk. */
    final Optional<String> customerSession;

    /** The customer's own id of the call (its client leg's {@code callId}), for calls from a page or app. */
    final Optional<String> customerCall;

    final Instant deadline;

    private State state = State.QUEUED;
    private UUID agentId;
    private String agentSession;

    AcdCall(
            String callId,
            UUID taskId,
            UUID correlationId,
            String destination,
            Optional<String> customerSession,
            Optional<String> customerCall,
            Instant deadline) {
        this.callId = callId;
        this.taskId = taskId;
        this.correlationId = correlationId;
        this.destination = destination;
        this.customerSession = customerSession;
        this.customerCall = customerCall;
        this.deadline = deadline;
    }

    synchronized State state() {
        return state;
    }

    /** QUEUED → CONNECTING towards the agent's desktop session; false in any other state. */
    synchronized boolean connecting(UUID agent, String session) {
        if (state != State.QUEUED) {
            return false;
        }
        state = State.CONNECTING;
        agentId = agent;
        agentSession = session;
        return true;
    }

    /** CONNECTING → CONNECTED; false in any other state. */
    synchronized boolean connected() {
        if (state != State.CONNECTING) {
            return false;
        }
        state = State.CONNECTED;
        return true;
    }

    /** Any state → ENDED; returns the state it was in (ENDED when it had ended already). */
    synchronized State end() {
        State was = state;
        state = State.ENDED;
        return was;
    }

    synchronized Optional<UUID> agentId() {
        return Optional.ofNullable(agentId);
    }

    synchronized Optional<String> agentSession() {
        return Optional.ofNullable(agentSession);
    }
}
