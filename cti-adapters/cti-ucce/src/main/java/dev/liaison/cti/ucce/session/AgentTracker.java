package dev.liaison.cti.ucce.session;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The last known UCCE state of each agent seen on the link (and of the agents configured for resync), with the
 * instrument each agent uses. An AGENT_STATE_EVENT that repeats the known state and reason is a duplicate. Bounded;
 * used only on the link's dispatcher thread.
 */
final class AgentTracker {

    record Status(int state, int reasonCode, String instrument) {}

    private final Map<String, Status> byAgent;
    private final Map<String, String> agentByInstrument = new LinkedHashMap<>();

    AgentTracker(int maxAgents) {
        this.byAgent = new LinkedHashMap<>(64, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Status> eldest) {
                return size() > maxAgents;
            }
        };
    }

    /** Records the agent's state; false when it equals the known one (a duplicate). */
    boolean update(String agentId, Status status) {
        Status known = byAgent.get(agentId);
        if (status.instrument() != null) {
            agentByInstrument.put(status.instrument(), agentId);
        }
        Status merged = known != null && status.instrument() == null
                ? new Status(status.state(), status.reasonCode(), known.instrument())
                : status;
        if (known != null && known.state() == merged.state() && known.reasonCode() == merged.reasonCode()) {
            return false;
        }
        byAgent.put(agentId, merged);
        return true;
    }

    /** Makes the agent known for resync without a state yet. */
    void watch(String agentId, String instrument) {
        byAgent.putIfAbsent(agentId, new Status(-1, -1, instrument));
        agentByInstrument.put(instrument, agentId);
    }

    Status status(String agentId) {
        return byAgent.get(agentId);
    }

    String agentAt(String instrument) {
        return instrument == null ? null : agentByInstrument.get(instrument);
    }

    Map<String, Status> all() {
        return Map.copyOf(byAgent);
    }

    boolean sameState(String agentId, int state) {
        Status s = byAgent.get(agentId);
        return s != null && Objects.equals(s.state(), state);
    }
}
