package dev.liaison.palettes.agent;

import static dev.liaison.palettes.agent.AgentState.NOT_READY;
import static dev.liaison.palettes.agent.AgentState.OFFLINE;
import static dev.liaison.palettes.agent.AgentState.RESERVED;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one place where agent states change.
 *
 * <p>An agent's state is made of two parts: whether the agent is signed in and ready (their own choice, or the
 * system's after a missed offer or a lost desktop), and what work they hold. A ready agent is AVAILABLE, RESERVED,
 * BUSY or WRAP_UP according to the work alone, so those states can never disagree with the tasks. Each event is
 * allowed only in the states listed in {@link #ALLOWED}; anything else is an {@link IllegalAgentTransitionException}.
 */
public final class AgentStateMachine {

    /** In which states each event may happen. */
    static final Map<AgentEvent, Set<AgentState>> ALLOWED = Map.ofEntries(
            Map.entry(AgentEvent.GO_AVAILABLE, EnumSet.allOf(AgentState.class)),
            Map.entry(AgentEvent.GO_NOT_READY, EnumSet.allOf(AgentState.class)),
            Map.entry(AgentEvent.LOG_OUT, EnumSet.allOf(AgentState.class)),
            Map.entry(AgentEvent.PRESENCE_LOST, EnumSet.complementOf(EnumSet.of(OFFLINE))),
            Map.entry(AgentEvent.OFFERED, EnumSet.of(AgentState.AVAILABLE, AgentState.BUSY)),
            Map.entry(AgentEvent.OFFER_ACCEPTED, EnumSet.of(RESERVED)),
            Map.entry(AgentEvent.OFFER_REJECTED, EnumSet.of(RESERVED)),
            Map.entry(AgentEvent.OFFER_EXPIRED, EnumSet.of(RESERVED)),
            Map.entry(AgentEvent.OFFER_CANCELED, EnumSet.allOf(AgentState.class)),
            Map.entry(AgentEvent.TASK_ENDED, EnumSet.allOf(AgentState.class)),
            Map.entry(AgentEvent.WRAP_UP_ENDED, EnumSet.allOf(AgentState.class)));

    /** The reason recorded when an agent lets an offer expire: they are probably away from the desk. */
    public static final String MISSED_OFFER = "missed-offer";

    private AgentStateMachine() {}

    /**
     * The state after {@code event}, given the agent's work once the event took effect.
     *
     * @throws IllegalAgentTransitionException when the event cannot happen in {@code current}, or would leave the
     *     agent signed out while holding accepted work
     */
    public static AgentState next(AgentState current, AgentEvent event, Workload after) {
        if (!ALLOWED.get(event).contains(current)) {
            throw new IllegalAgentTransitionException(current, event);
        }
        Presence presence =
                switch (event) {
                    case GO_AVAILABLE -> Presence.READY;
                    case GO_NOT_READY, OFFER_EXPIRED -> Presence.NOT_READY;
                    case LOG_OUT -> {
                        if (after.assigned() > 0) {
                            throw new IllegalAgentTransitionException(
                                    current, event, "finish or transfer the tasks in progress first");
                        }
                        yield Presence.OFFLINE;
                    }
                    case PRESENCE_LOST -> Presence.OFFLINE;
                    default -> Presence.of(current);
                };
        return presence.visibleState(after);
    }

    /** The agent's own part of the state. */
    private enum Presence {
        OFFLINE,
        READY,
        NOT_READY;

        static Presence of(AgentState state) {
            return switch (state) {
                case OFFLINE -> OFFLINE;
                case NOT_READY -> NOT_READY;
                default -> READY;
            };
        }

        AgentState visibleState(Workload work) {
            return switch (this) {
                case OFFLINE -> AgentState.OFFLINE;
                case NOT_READY -> AgentState.NOT_READY;
                case READY ->
                    work.pendingOffer()
                            ? RESERVED
                            : work.assigned() > 0
                                    ? AgentState.BUSY
                                    : work.wrapping() > 0 ? AgentState.WRAP_UP : AgentState.AVAILABLE;
            };
        }
    }
}
