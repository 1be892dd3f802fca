package dev.liaison.palettes.agent;

import static dev.liaison.palettes.agent.AgentState.AVAILABLE;
import static dev.liaison.palettes.agent.AgentState.BUSY;
import static dev.liaison.palettes.agent.AgentState.NOT_READY;
import static dev.liaison.palettes.agent.AgentState.OFFLINE;
import static dev.liaison.palettes.agent.AgentState.RESERVED;
import static dev.liaison.palettes.agent.AgentState.WRAP_UP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class AgentStateMachineTest {

    private static final Workload IDLE = Workload.NONE;
    private static final Workload OFFER = new Workload(true, 0, 0);
    private static final Workload ONE_TASK = new Workload(false, 1, 0);
    private static final Workload WRAPPING = new Workload(false, 0, 1);

    @ParameterizedTest(name = "{0} + {1} -> {3}")
    @CsvSource({
        "OFFLINE,   GO_AVAILABLE,   NONE,     AVAILABLE",
        "OFFLINE,   GO_NOT_READY,   NONE,     NOT_READY",
        "AVAILABLE, OFFERED,        OFFER,    RESERVED",
        "BUSY,      OFFERED,        OFFER,    RESERVED",
        "RESERVED,  OFFER_ACCEPTED, ONE_TASK, BUSY",
        "RESERVED,  OFFER_REJECTED, NONE,     AVAILABLE",
        "RESERVED,  OFFER_REJECTED, ONE_TASK, BUSY",
        "RESERVED,  OFFER_EXPIRED,  NONE,     NOT_READY",
        "RESERVED,  OFFER_CANCELED, NONE,     AVAILABLE",
        "BUSY,      TASK_ENDED,     WRAPPING, WRAP_UP",
        "BUSY,      TASK_ENDED,     NONE,     AVAILABLE",
        "BUSY,      TASK_ENDED,     ONE_TASK, BUSY",
        "WRAP_UP,   WRAP_UP_ENDED,  NONE,     AVAILABLE",
        "BUSY,      GO_NOT_READY,   ONE_TASK, NOT_READY",
        "NOT_READY, GO_AVAILABLE,   ONE_TASK, BUSY",
        "NOT_READY, TASK_ENDED,     NONE,     NOT_READY",
        "WRAP_UP,   LOG_OUT,        WRAPPING, OFFLINE",
        "BUSY,      PRESENCE_LOST,  ONE_TASK, OFFLINE",
        "RESERVED,  PRESENCE_LOST,  NONE,     OFFLINE",
    })
    void transitionsFollowTheAgentsChoiceAndTheirWork(
            AgentState from, AgentEvent event, String work, AgentState expected) {
        assertThat(AgentStateMachine.next(from, event, workload(work))).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(AgentState.class)
    void everyStateHasAnExitThatNeedsNoHelpFromTheAgent(AgentState state) {
        // RESERVED ends by expiry, WRAP_UP by its deadline, and every signed-in state when the desktop goes silent.
        Set<AgentState> reachable = EnumSet.noneOf(AgentState.class);
        for (AgentEvent event : Set.of(AgentEvent.OFFER_EXPIRED, AgentEvent.WRAP_UP_ENDED, AgentEvent.PRESENCE_LOST)) {
            if (AgentStateMachine.ALLOWED.get(event).contains(state)) {
                reachable.add(AgentStateMachine.next(state, event, IDLE));
            }
        }
        reachable.remove(state);
        if (state != OFFLINE) {
            assertThat(reachable).as("system-driven exits from " + state).isNotEmpty();
        }
    }

    @Test
    void anOfferGoesOnlyToAnAgentWhoCanTakeWork() {
        for (AgentState state : EnumSet.of(OFFLINE, RESERVED, WRAP_UP, NOT_READY)) {
            assertThatThrownBy(() -> AgentStateMachine.next(state, AgentEvent.OFFERED, OFFER))
                    .isInstanceOf(IllegalAgentTransitionException.class)
                    .hasMessageContaining("OFFERED is not possible");
        }
        assertThat(AVAILABLE.routable()).isTrue();
        assertThat(BUSY.routable()).isTrue();
    }

    @Test
    void onlyAReservedAgentDecidesAnOffer() {
        for (AgentEvent decision : EnumSet.of(AgentEvent.OFFER_ACCEPTED, AgentEvent.OFFER_REJECTED)) {
            assertThatThrownBy(() -> AgentStateMachine.next(AVAILABLE, decision, IDLE))
                    .isInstanceOf(IllegalAgentTransitionException.class);
        }
    }

    @Test
    void signingOutWithAcceptedWorkIsRefused() {
        assertThatThrownBy(() -> AgentStateMachine.next(BUSY, AgentEvent.LOG_OUT, ONE_TASK))
                .isInstanceOf(IllegalAgentTransitionException.class)
                .hasMessageContaining("finish or transfer");
    }

    @Test
    void aReadyAgentsStateAlwaysAgreesWithTheirWork() {
        for (AgentState from : EnumSet.of(AVAILABLE, BUSY, WRAP_UP)) {
            assertThat(AgentStateMachine.next(from, AgentEvent.GO_AVAILABLE, OFFER))
                    .isEqualTo(RESERVED);
            assertThat(AgentStateMachine.next(from, AgentEvent.GO_AVAILABLE, ONE_TASK))
                    .isEqualTo(BUSY);
            assertThat(AgentStateMachine.next(from, AgentEvent.GO_AVAILABLE, WRAPPING))
                    .isEqualTo(WRAP_UP);
            assertThat(AgentStateMachine.next(from, AgentEvent.GO_AVAILABLE, IDLE))
                    .isEqualTo(AVAILABLE);
        }
    }

    private static Workload workload(String name) {
        return switch (name) {
            case "NONE" -> IDLE;
            case "OFFER" -> OFFER;
            case "ONE_TASK" -> ONE_TASK;
            case "WRAPPING" -> WRAPPING;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
