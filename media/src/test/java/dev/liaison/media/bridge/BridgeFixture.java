package dev.liaison.media.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.media.sdp.IceLiteAnswerBuilder.Candidate;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Bridges over fake legs, a test clock and a simple registry; records the endings and the DTMF keys reported. */
final class BridgeFixture {
    static final String RTP_ADDRESS = "198.51.100.7";
    static final Candidate CANDIDATE = new Candidate("203.0.113.5", 16000);

    final TestClock clock = new TestClock();
    final FakeLegs legs = new FakeLegs(clock);
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final List<String> endings = new CopyOnWriteArrayList<>();
    /** The keys the bridges detected in received telephone-events: "bridge call side key". */
    final List<String> keys = new CopyOnWriteArrayList<>();

    final ManualTimer timer = new ManualTimer(clock);
    final Bridges bridges;

    BridgeFixture() {
        this(settings());
    }

    BridgeFixture(BridgeSettings settings) {
        bridges = new Bridges(
                legs,
                settings,
                registry,
                (id, call, reason) -> endings.add(id + " " + call + " " + reason),
                clock,
                timer,
                (id, call, side, key) -> keys.add(id + " " + call + " " + side + " " + key));
    }

    static BridgeSettings settings() {
        return BridgeSettings.defaults(List.of(CANDIDATE), RTP_ADDRESS);
    }

    double counter(String name, String... tags) {
        Counter counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    double dropped(RelayDrop reason) {
        return counter(BridgeMetrics.DROPPED, "reason", reason.name());
    }

    double openGauge() {
        return registry.get(BridgeMetrics.OPEN).gauge().value();
    }

    /** Nothing open, every leg opened closed, no DTMF packet waiting to be sent. */
    void assertNoLeak() {
        assertThat(timer.waiting()).as("DTMF tasks waiting").isZero();
        assertThat(bridges.openCount()).isZero();
        assertThat(openGauge()).isZero();
        legs.assertAllClosed();
    }
}
