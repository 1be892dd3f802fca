package dev.liaison.cti.ucce.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.cti.api.identity.PeripheralCallId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallTrackerTest {

    @Test
    void beyondTheLimitTheOldestCallIsEvictedAndItsLateEventsAreDuplicates() {
        List<TrackedCall> evicted = new ArrayList<>();
        CallTracker tracker = new CallTracker(2, evicted::add);
        PeripheralCallId first = new PeripheralCallId(1, 1);
        tracker.track(first);
        tracker.track(new PeripheralCallId(1, 2));
        tracker.track(new PeripheralCallId(1, 3));

        assertThat(tracker.size()).isEqualTo(2);
        assertThat(evicted).singleElement().satisfies(c -> assertThat(c.ref.callId())
                .isEqualTo(first));
        assertThat(tracker.track(first))
                .as("a late event for the evicted call starts no zombie")
                .isNull();
    }

    @Test
    void anEndedCallIsNotTrackedAgain() {
        CallTracker tracker = new CallTracker(10, c -> {});
        PeripheralCallId id = new PeripheralCallId(1, 7);
        TrackedCall call = tracker.track(id);
        assertThat(tracker.advance(call, CallPhase.ALERTING)).isTrue();
        assertThat(tracker.advance(call, CallPhase.ALERTING)).isFalse();
        tracker.end(id);

        assertThat(tracker.size()).isZero();
        assertThat(tracker.track(id)).isNull();
    }
}
