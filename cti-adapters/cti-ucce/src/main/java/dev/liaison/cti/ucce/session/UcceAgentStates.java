package dev.liaison.cti.ucce.session;

import dev.liaison.cti.api.error.CtiException;
import dev.liaison.cti.api.error.CtiFailure;
import dev.liaison.cti.api.event.AgentState;
import dev.liaison.cti.ucce.protocol.AgentMessages;

/**
 * UCCE AgentState values to and from the normalized {@link AgentState}. LOGIN (logged in, not yet ready) and BUSY_OTHER
 * (busy in another skill group) map to NOT_READY; both work states to WORK; values above HOLD to UNKNOWN. The vendor
 * name stays available for the timeline.
 */
final class UcceAgentStates {

    private static final String[] NAMES = {
        "LOGIN",
        "LOGOUT",
        "NOT_READY",
        "AVAILABLE",
        "TALKING",
        "WORK_NOT_READY",
        "WORK_READY",
        "BUSY_OTHER",
        "RESERVED",
        "UNKNOWN",
        "HOLD",
        "ACTIVE",
        "PAUSED",
        "INTERRUPTED",
        "NOT_ACTIVE"
    };

    private UcceAgentStates() {}

    static AgentState normalize(int ucce) {
        return switch (ucce) {
            case AgentMessages.LOGIN, AgentMessages.NOT_READY, AgentMessages.BUSY_OTHER -> AgentState.NOT_READY;
            case AgentMessages.LOGOUT -> AgentState.LOGGED_OUT;
            case AgentMessages.AVAILABLE -> AgentState.READY;
            case AgentMessages.TALKING -> AgentState.TALKING;
            case AgentMessages.WORK_NOT_READY, AgentMessages.WORK_READY -> AgentState.WORK;
            case AgentMessages.RESERVED -> AgentState.RESERVED;
            case AgentMessages.HOLD -> AgentState.HOLD;
            default -> AgentState.UNKNOWN;
        };
    }

    static String vendorName(int ucce) {
        return ucce >= 0 && ucce < NAMES.length ? NAMES[ucce] : "STATE_" + ucce;
    }

    /** The state to request for a normalized target; only states an agent may ask for. */
    static int toUcce(AgentState target) throws CtiException {
        return switch (target) {
            case READY -> AgentMessages.AVAILABLE;
            case NOT_READY -> AgentMessages.NOT_READY;
            case WORK -> AgentMessages.WORK_READY;
            case LOGGED_OUT -> AgentMessages.LOGOUT;
            default ->
                throw new CtiException(
                        CtiFailure.INVALID, "An agent cannot be put in " + target + " through SET_AGENT_STATE_REQ");
        };
    }
}
