package dev.liaison.routes.acd;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The ACD calls of this node, by gateway call id and by task; a call is forgotten when it ends. */
@Component
public class AcdCalls {

    private final Map<String, AcdCall> byCallId = new ConcurrentHashMap<>();
    private final Map<UUID, AcdCall> byTask = new ConcurrentHashMap<>();

    AcdCalls(MeterRegistry meters) {
        Gauge.builder("liaison.acd.calls.active", byCallId, Map::size)
                .description("Calls to ACD destinations not ended yet, queued or connected")
                .register(meters);
    }

    void add(AcdCall call) {
        byCallId.put(call.callId, call);
        byTask.put(call.taskId, call);
    }

    Optional<AcdCall> byCallId(String callId) {
        return callId == null ? Optional.empty() : Optional.ofNullable(byCallId.get(callId));
    }

    Optional<AcdCall> byTask(UUID taskId) {
        return taskId == null ? Optional.empty() : Optional.ofNullable(byTask.get(taskId));
    }

    /** The call a customer's client leg belongs to. */
    Optional<AcdCall> byCustomerCall(String sessionId, String clientCallId) {
        return byCallId.values().stream()
                .filter(call -> call.customerSession.filter(sessionId::equals).isPresent()
                        && call.customerCall.filter(clientCallId::equals).isPresent())
                .findFirst();
    }

    /** The live ACD calls of a customer's client session. */
    List<AcdCall> ofCustomerSession(String customerSessionId) {
        return byCallId.values().stream()
                .filter(call ->
                        call.customerSession.filter(customerSessionId::equals).isPresent())
                .toList();
    }

    /** Every tracked call (diagnostics and tests). */
    List<AcdCall> all() {
        return List.copyOf(byCallId.values());
    }

    /** Queued calls whose max wait has passed at {@code now}. */
    List<AcdCall> overdue(Instant now) {
        return byCallId.values().stream()
                .filter(call -> call.state() == AcdCall.State.QUEUED && !now.isBefore(call.deadline))
                .toList();
    }

    void remove(AcdCall call) {
        byCallId.remove(call.callId, call);
        byTask.remove(call.taskId, call);
    }

    /** Calls tracked now (for no-leak assertions in tests). */
    public int size() {
        return byCallId.size();
    }
}
