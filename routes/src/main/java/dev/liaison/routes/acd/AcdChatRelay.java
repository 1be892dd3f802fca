package dev.liaison.routes.acd;

import dev.liaison.gateway.client.ClientSessions;
import dev.liaison.gateway.client.session.ClientLeg;
import dev.liaison.gateway.client.session.ClientSession;
import dev.liaison.gateway.client.session.ClientSessionRegistry;
import dev.liaison.routes.agentdesk.AgentClientTokens;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Relays chat between a customer and the agent who holds their ACD call, and writes every line to the contact's
 * timeline ({@code chat.message}). A customer's line is about the call it names, or, without a call id, the
 * session's one live ACD call (none or several: the line is not the ACD's); while the call still waits for an agent the line only goes to the timeline
 * (the agent's screen pop shows it). An agent's line names the call (the {@code callId} of its own leg, as its
 * {@code incoming-call} said) and reaches the customer's session under the customer's own id of the call. Lines that
 * belong to no ACD call are left to other listeners.
 */
@Component
class AcdChatRelay {

    private static final Logger log = LoggerFactory.getLogger(AcdChatRelay.class);

    /** The longest part of a line the timeline summary carries; the whole line is in the details. */
    static final int SUMMARY_TEXT = 200;

    private final AcdCalls calls;
    private final AcdTasks tasks;
    private final ObjectProvider<ClientSessionRegistry> registry;
    private final ObjectProvider<ClientSessions> clientSessions;

    AcdChatRelay(
            AcdCalls calls,
            AcdTasks tasks,
            ObjectProvider<ClientSessionRegistry> registry,
            ObjectProvider<ClientSessions> clientSessions) {
        this.calls = calls;
        this.tasks = tasks;
        this.registry = registry;
        this.clientSessions = clientSessions;
    }

    void relay(ChatLine line) {
        Optional<UUID> agent = AgentClientTokens.agentOf(line.session());
        if (agent.isPresent()) {
            fromAgent(line, agent.get());
        } else {
            fromCustomer(line);
        }
    }

    private void fromCustomer(ChatLine line) {
        String session = line.session().sessionId();
        Optional<AcdCall> call = line.callId().isPresent()
                ? calls.byCustomerCall(session, line.callId().get())
                : single(calls.ofCustomerSession(session));
        if (call.isEmpty()) {
            return;
        }
        AcdCall about = call.get();
        record(about, "customer", line.text());
        Optional<String> agentSession = about.agentSession();
        if (agentSession.isEmpty()) {
            return;
        }
        Optional<String> agentLeg = legOf(agentSession.get(), about.callId);
        sessions().ifPresent(s -> s.sendChat(agentSession.get(), "customer", line.text(), agentLeg));
    }

    private void fromAgent(ChatLine line, UUID agent) {
        if (line.callId().isEmpty()) {
            log.info("Agent {}: chat without a callId is not for a contact; dropped", agent);
            return;
        }
        Optional<AcdCall> call = registry()
                .flatMap(r -> r.session(line.session().sessionId()))
                .flatMap(s -> leg(s, line.callId().get()))
                .flatMap(ClientLeg::callLayerId)
                .flatMap(calls::byCallId)
                .filter(c -> c.agentId().filter(agent::equals).isPresent());
        if (call.isEmpty()) {
            log.info(
                    "Agent {}: chat about call {} that it does not hold; dropped",
                    agent,
                    line.callId().get());
            return;
        }
        AcdCall about = call.get();
        record(about, "agent:" + agent, line.text());
        about.customerSession.ifPresent(
                customer -> sessions().ifPresent(s -> s.sendChat(customer, "agent", line.text(), about.customerCall)));
    }

    private void record(AcdCall call, String from, String text) {
        String shown = text.length() > SUMMARY_TEXT ? text.substring(0, SUMMARY_TEXT) + "…" : text;
        tasks.record(
                call,
                "chat.message",
                (from.startsWith("agent") ? "Agent: " : "Customer: ") + shown,
                Map.of("from", from, "text", text, "callId", call.callId, "taskId", call.taskId.toString()));
    }

    private Optional<String> legOf(String sessionId, String callLayerId) {
        return registry().flatMap(r -> r.session(sessionId)).flatMap(s -> s.calls().stream()
                .filter(leg -> leg.callLayerId().filter(callLayerId::equals).isPresent())
                .map(ClientLeg::id)
                .findFirst());
    }

    private static Optional<ClientLeg> leg(ClientSession session, String callId) {
        return session.calls().stream().filter(l -> l.id().equals(callId)).findFirst();
    }

    private static Optional<AcdCall> single(List<AcdCall> candidates) {
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    private Optional<ClientSessionRegistry> registry() {
        return Optional.ofNullable(registry.getIfAvailable());
    }

    private Optional<ClientSessions> sessions() {
        return Optional.ofNullable(clientSessions.getIfAvailable());
    }
}
