package dev.liaison.palettes.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The callback life cycle allows exactly the documented transitions. */
class CallbackStateMachineTest {

    @Test
    void theHappyPathGoesFromScheduledThroughQueuedAndInProgressToCompleted() {
        assertThat(CallbackState.SCHEDULED.canMoveTo(CallbackState.QUEUED)).isTrue();
        assertThat(CallbackState.QUEUED.canMoveTo(CallbackState.IN_PROGRESS)).isTrue();
        assertThat(CallbackState.IN_PROGRESS.canMoveTo(CallbackState.COMPLETED)).isTrue();
    }

    @Test
    void aFailedAttemptRetriesThroughRetryScheduledOrFails() {
        assertThat(CallbackState.IN_PROGRESS.canMoveTo(CallbackState.RETRY_SCHEDULED))
                .isTrue();
        assertThat(CallbackState.RETRY_SCHEDULED.canMoveTo(CallbackState.QUEUED))
                .isTrue();
        assertThat(CallbackState.IN_PROGRESS.canMoveTo(CallbackState.FAILED)).isTrue();
    }

    @Test
    void nothingSkipsTheAgent() {
        assertThat(CallbackState.QUEUED.canMoveTo(CallbackState.COMPLETED)).isFalse();
        assertThat(CallbackState.QUEUED.canMoveTo(CallbackState.RETRY_SCHEDULED))
                .isFalse();
        assertThat(CallbackState.SCHEDULED.canMoveTo(CallbackState.IN_PROGRESS)).isFalse();
        assertThat(CallbackState.SCHEDULED.canMoveTo(CallbackState.COMPLETED)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(
            value = CallbackState.class,
            names = {"SCHEDULED", "QUEUED", "IN_PROGRESS", "RETRY_SCHEDULED"})
    void everyStateBeforeTheEndCanBeCanceled(CallbackState state) {
        assertThat(state.canMoveTo(CallbackState.CANCELED)).isTrue();
        assertThat(state.ended()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(
            value = CallbackState.class,
            names = {"COMPLETED", "FAILED", "CANCELED"})
    void endedStatesHaveNoExit(CallbackState state) {
        assertThat(state.ended()).isTrue();
        for (CallbackState next : EnumSet.allOf(CallbackState.class)) {
            assertThat(state.canMoveTo(next)).as(state + " -> " + next).isFalse();
        }
    }
}
