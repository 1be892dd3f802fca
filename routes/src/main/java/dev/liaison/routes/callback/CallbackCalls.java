package dev.liaison.routes.callback;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The calls this node placed for callback attempts, by gateway call id and by task. A call is known here before its
 * originate command is sent, so none of its events can arrive unknown; it is forgotten when it ends.
 */
@Component
class CallbackCalls {

    private final Map<String, CallbackCall> byCallId = new ConcurrentHashMap<>();
    private final Map<UUID, CallbackCall> byTask = new ConcurrentHashMap<>();

    CallbackCalls(MeterRegistry meters) {
        Gauge.builder("liaison.callback.calls.active", byCallId, Map::size)
                .description("Calls placed for callback attempts and not ended yet")
                .register(meters);
    }

    void add(CallbackCall call) {
        byCallId.put(call.callId, call);
        byTask.put(call.dialing.taskId(), call);
    }

    Optional<CallbackCall> byCallId(String callId) {
        return callId == null ? Optional.empty() : Optional.ofNullable(byCallId.get(callId));
    }

    Optional<CallbackCall> byTask(UUID taskId) {
        return Optional.ofNullable(byTask.get(taskId));
    }

    boolean tracks(String callId) {
        return callId != null && byCallId.containsKey(callId);
    }

    void remove(CallbackCall call) {
        byCallId.remove(call.callId, call);
        byTask.remove(call.dialing.taskId(), call);
    }

    /** Calls tracked now (for no-leak assertions in tests). */
    int size() {
        return byCallId.size();
    }
}
