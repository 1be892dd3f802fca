package dev.liaison.gateway.media;

import java.util.Objects;

/** The broker's counters of both legs of a call's bridge ({@link MediaBridge#statistics()}). */
public record MediaStatistics(LegMediaStatistics a, LegMediaStatistics b) {

    public MediaStatistics {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
    }

    public LegMediaStatistics side(BridgeSide side) {
        return side == BridgeSide.A ? a : b;
    }
}
