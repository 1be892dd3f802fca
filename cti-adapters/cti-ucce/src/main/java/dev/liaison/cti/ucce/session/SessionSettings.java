package dev.liaison.cti.ucce.session;

import dev.liaison.cti.api.screenpop.ScreenPopMapping;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * What the session layer needs besides the link: the screen-pop mapping, which context key carries the correlation ID
 * (its mapped field is read back from call data to correlate vendor calls), bounds, and agents to resync.
 */
public record SessionSettings(
        String link,
        long peripheralId,
        ScreenPopMapping screenPop,
        String correlationKey,
        int maxTrackedCalls,
        int maxTrackedAgents,
        List<WatchedAgent> agents,
        Clock clock) {

    /** An agent whose state is queried after every reconnect even before an event about it arrived. */
    public record WatchedAgent(String agentId, String instrument) {}

    public SessionSettings {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(screenPop, "screenPop");
        Objects.requireNonNull(correlationKey, "correlationKey");
        Objects.requireNonNull(clock, "clock");
        agents = List.copyOf(agents);
        if (maxTrackedCalls < 1 || maxTrackedAgents < 1) {
            throw new IllegalArgumentException("maxTrackedCalls and maxTrackedAgents must be at least 1");
        }
    }
}
