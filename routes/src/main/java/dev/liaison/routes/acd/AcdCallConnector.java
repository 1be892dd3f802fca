package dev.liaison.routes.acd;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.liaison.gateway.client.ClientSessions;
import dev.liaison.gateway.client.session.ClientSession;
import dev.liaison.gateway.client.session.ClientSessionRegistry;
import dev.liaison.palettes.routing.AcdEvent;
import dev.liaison.routes.agentdesk.AgentClientTokens;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * An agent accepted the task of a queued call: the call is connected to the agent's desktop session (the live
 * {@code /ws/client} session of the agent's token, site {@link AgentClientTokens#SITE}), which gets
 * {@code incoming-call}. An agent without such a session cannot take the call: the task ends at once
 * ({@code call.agent_unreachable} on the timeline, with the reason) and the caller is hung up with
 * {@code unavailable}, so neither the task nor the call waits for nothing.
 */
@Component
class AcdCallConnector {

    private static final Logger log = LoggerFactory.getLogger(AcdCallConnector.class);

    private final AcdCalls calls;
    private final AcdTasks tasks;
    private final GatewayCalls gateway;
    private final ObjectProvider<ClientSessionRegistry> registry;
    private final ObjectProvider<ClientSessions> clientSessions;

    AcdCallConnector(
            AcdCalls calls,
            AcdTasks tasks,
            GatewayCalls gateway,
            ObjectProvider<ClientSessionRegistry> registry,
            ObjectProvider<ClientSessions> clientSessions) {
        this.calls = calls;
        this.tasks = tasks;
        this.gateway = gateway;
        this.registry = registry;
        this.clientSessions = clientSessions;
    }

    void assigned(AcdEvent.TaskAssigned assigned) {
        Optional<AcdCall> tracked = calls.byTask(assigned.taskId());
        if (tracked.isEmpty()) {
            return;
        }
        AcdCall call = tracked.get();
        Optional<String> session = agentSession(assigned);
        if (session.isEmpty()) {
            unreachable(call, assigned, "the agent has no active desktop session");
            return;
        }
        if (!call.connecting(assigned.agentId(), session.get())) {
            // the call ended meanwhile (caller hung up, max wait): its task must not stay assigned
            log.info("Call {} ended before agent {} could take it", call.callId, assigned.agentLogin());
            tasks.close(call.taskId, "caller-left");
            return;
        }
        tasks.record(
                call,
                "call.connecting",
                "Call rings " + assigned.agentLogin() + "'s desktop",
                Map.of("callId", call.callId, "agent", assigned.agentLogin(), "taskId", call.taskId.toString()));
        if (!gateway.connectToClient(call.callId, session.get())) {
            if (call.end() != AcdCall.State.ENDED) {
                calls.remove(call);
                tasks.close(call.taskId, "caller-left");
            }
            return;
        }
        call.customerSession.ifPresent(customer -> {
            ClientSessions sessions = clientSessions.getIfAvailable();
            if (sessions != null) {
                sessions.sendEvent(
                        customer,
                        "agent-assigned",
                        JsonNodeFactory.instance
                                .objectNode()
                                .put("callId", call.customerCall.orElse(call.callId))
                                .put("agent", assigned.agentLogin()));
            }
        });
    }

    private Optional<String> agentSession(AcdEvent.TaskAssigned assigned) {
        ClientSessionRegistry sessions = registry.getIfAvailable();
        if (sessions == null) {
            return Optional.empty();
        }
        return sessions.activeSessionOf(AgentClientTokens.subjectOf(assigned.agentId()))
                .filter(session -> AgentClientTokens.SITE.equals(session.info().site()))
                .map(ClientSession::id);
    }

    private void unreachable(AcdCall call, AcdEvent.TaskAssigned assigned, String why) {
        if (call.end() == AcdCall.State.ENDED) {
            return;
        }
        calls.remove(call);
        log.warn("Call {}: agent {} accepted but cannot be reached: {}", call.callId, assigned.agentLogin(), why);
        tasks.record(
                call,
                "call.agent_unreachable",
                "Agent " + assigned.agentLogin() + " accepted but could not be reached: " + why,
                Map.of("callId", call.callId, "agent", assigned.agentLogin(), "reason", "no-agent-session"));
        tasks.close(call.taskId, "agent-unreachable");
        gateway.hangUp(call.callId, "unavailable");
    }
}
