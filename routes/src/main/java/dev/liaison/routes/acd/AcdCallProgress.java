package dev.liaison.routes.acd;

import dev.liaison.gateway.camel.GatewayConstants;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Follows the gateway's events of ACD calls: the agent answering connects the call; the call ending closes its task
 * (canceled while it waited, ended into wrap-up once an agent held it) and forgets the call.
 */
@Component
class AcdCallProgress {

    private static final Logger log = LoggerFactory.getLogger(AcdCallProgress.class);

    private final AcdCalls calls;
    private final AcdTasks tasks;

    AcdCallProgress(AcdCalls calls, AcdTasks tasks) {
        this.calls = calls;
        this.tasks = tasks;
    }

    /** Whether the event is about a call the ACD answers. */
    boolean tracks(Exchange exchange) {
        return calls.byCallId(exchange.getMessage().getHeader(GatewayConstants.CALL_ID, String.class))
                .isPresent();
    }

    void onEvent(Exchange exchange) {
        Message message = exchange.getMessage();
        String event = message.getHeader(GatewayConstants.EVENT, String.class);
        calls.byCallId(message.getHeader(GatewayConstants.CALL_ID, String.class))
                .ifPresent(call -> {
                    if ("call.answered".equals(event)) {
                        answered(call);
                    } else if ("call.ended".equals(event)) {
                        ended(call, message.getHeader(GatewayConstants.REASON, "normal", String.class));
                    }
                });
    }

    private void answered(AcdCall call) {
        if (call.connected()) {
            tasks.record(
                    call,
                    "call.connected",
                    "Agent answered the call",
                    Map.of("callId", call.callId, "taskId", call.taskId.toString()));
        }
    }

    private void ended(AcdCall call, String reason) {
        AcdCall.State was = call.end();
        calls.remove(call);
        if (was == AcdCall.State.ENDED) {
            return;
        }
        log.info("Call {} ended ({}) while {}: closing task {}", call.callId, reason, was, call.taskId);
        tasks.record(
                call,
                "call.ended",
                "Call ended (" + reason + ")",
                Map.of(
                        "callId",
                        call.callId,
                        "reason",
                        reason,
                        "state",
                        was.name().toLowerCase(java.util.Locale.ROOT)));
        tasks.close(call.taskId, was == AcdCall.State.QUEUED ? "caller-hung-up" : reason);
    }
}
