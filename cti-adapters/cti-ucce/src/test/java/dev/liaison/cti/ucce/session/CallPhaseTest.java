package dev.liaison.cti.ucce.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallPhaseTest {

    @Test
    void aCallMovesForwardOnlyAndHoldAlternatesWithConnected() {
        assertThat(CallPhase.NEW.canMoveTo(CallPhase.QUEUED)).isTrue();
        assertThat(CallPhase.QUEUED.canMoveTo(CallPhase.DEQUEUED)).isTrue();
        assertThat(CallPhase.DEQUEUED.canMoveTo(CallPhase.ALERTING)).isTrue();
        assertThat(CallPhase.ALERTING.canMoveTo(CallPhase.CONNECTED)).isTrue();
        assertThat(CallPhase.CONNECTED.canMoveTo(CallPhase.HELD)).isTrue();
        assertThat(CallPhase.HELD.canMoveTo(CallPhase.CONNECTED)).isTrue();
        assertThat(CallPhase.HELD.canMoveTo(CallPhase.CLEARED)).isTrue();
    }

    @Test
    void repeatsAndStepsBackAreDuplicates() {
        assertThat(CallPhase.ALERTING.canMoveTo(CallPhase.ALERTING)).isFalse();
        assertThat(CallPhase.CONNECTED.canMoveTo(CallPhase.CONNECTED)).isFalse();
        assertThat(CallPhase.CONNECTED.canMoveTo(CallPhase.ALERTING)).isFalse();
        assertThat(CallPhase.HELD.canMoveTo(CallPhase.HELD)).isFalse();
        assertThat(CallPhase.CLEARED.canMoveTo(CallPhase.CLEARED)).isFalse();
        assertThat(CallPhase.ALERTING.canMoveTo(CallPhase.QUEUED)).isFalse();
    }

    @Test
    void snapshotsMapToPhases() {
        assertThat(CallPhase.fromLocalConnectionState(2)).isEqualTo(CallPhase.ALERTING);
        assertThat(CallPhase.fromLocalConnectionState(3)).isEqualTo(CallPhase.CONNECTED);
        assertThat(CallPhase.fromLocalConnectionState(4)).isEqualTo(CallPhase.HELD);
        assertThat(CallPhase.fromLocalConnectionState(0)).isNull();
    }
}
