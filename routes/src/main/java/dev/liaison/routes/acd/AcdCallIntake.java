package dev.liaison.routes.acd;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.liaison.gateway.call.CallEvent;
import dev.liaison.gateway.call.CallRequest;
import dev.liaison.gateway.call.MediaMode;
import dev.liaison.gateway.client.ClientSessions;
import dev.liaison.palettes.context.Channel;
import dev.liaison.palettes.context.ContextCategory;
import dev.liaison.palettes.context.ContextEntryWrite;
import dev.liaison.palettes.context.ContextService;
import dev.liaison.palettes.context.ContextSource;
import dev.liaison.palettes.context.ContextWrite;
import dev.liaison.palettes.routing.NewTask;
import dev.liaison.palettes.routing.Task;
import dev.liaison.palettes.routing.TaskService;
import dev.liaison.routes.system.NodeProperties;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Turns a {@code call.incoming} for an ACD destination into an ACD task: resolves the customer's interaction, stores
 * who is calling in its context (so the agent's screen pop shows it), enqueues the task with the call's id, node and
 * media, and remembers the call. The route then leaves the call routing (it sets neither target nor reason) and
 * tells the caller it rings.
 */
@Component
@EnableConfigurationProperties(AcdDestinationsProperties.class)
public class AcdCallIntake {

    private static final Logger log = LoggerFactory.getLogger(AcdCallIntake.class);

    /** {@link CallRequest#attributes()} keys the client gateway sets for calls from a client session. */
    static final String SESSION_ATTRIBUTE = "client.session";

    static final String SUBJECT_ATTRIBUTE = "client.subject";
    static final String SITE_ATTRIBUTE = "client.site";
    static final String CALL_ATTRIBUTE = "client.call";

    private final AcdDestinationsProperties destinations;
    private final CustomerInteractions interactions;
    private final ContextService context;
    private final TaskService tasks;
    private final AcdCalls calls;
    private final NodeProperties node;
    private final ObjectProvider<ClientSessions> clientSessions;
    private final Clock clock;

    AcdCallIntake(
            AcdDestinationsProperties destinations,
            CustomerInteractions interactions,
            ContextService context,
            TaskService tasks,
            AcdCalls calls,
            NodeProperties node,
            ObjectProvider<ClientSessions> clientSessions,
            ObjectProvider<Clock> clock) {
        this.destinations = destinations;
        this.interactions = interactions;
        this.context = context;
        this.tasks = tasks;
        this.calls = calls;
        this.node = node;
        this.clientSessions = clientSessions;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Whether the ACD answers calls to {@code destination}. */
    public boolean answers(String destination) {
        return destinations.destination(destination).isPresent();
    }

    /** Enqueues the call's task and remembers the call; the exchange's headers stay without target and reason. */
    public void enqueue(Exchange exchange) {
        CallEvent.Incoming incoming = exchange.getMessage().getBody(CallEvent.Incoming.class);
        CallRequest request = incoming.request();
        AcdDestinationsProperties.Destination destination =
                destinations.destination(request.destination()).orElseThrow();
        String channel = request.mode() == MediaMode.AUDIO ? "voice" : "video";
        Optional<String> session = Optional.ofNullable(request.attributes().get(SESSION_ATTRIBUTE));
        var correlationId = interactions.resolve(session, request.correlationId(), Channel.fromWireName(channel));
        storeCaller(correlationId, request);
        Task task = tasks.enqueue(new NewTask(
                correlationId,
                channel,
                destination.queue(),
                destination.workflow(),
                destination.priority(),
                Map.of(
                        "destination", request.destination(),
                        "media", request.mode().name().toLowerCase(java.util.Locale.ROOT),
                        "gatewayCallId", incoming.callId(),
                        "gatewayNode", node.id())));
        AcdCall call = new AcdCall(
                incoming.callId(),
                task.getId(),
                correlationId,
                request.destination(),
                session,
                Optional.ofNullable(request.attributes().get(CALL_ATTRIBUTE)),
                clock.instant().plus(destination.maxWait()));
        calls.add(call);
        log.info(
                "Call {} to {} waits for an agent as task {} ({}, max wait {})",
                incoming.callId(),
                request.destination(),
                task.getId(),
                channel,
                destination.maxWait());
        session.ifPresent(id -> {
            ClientSessions sessions = clientSessions.getIfAvailable();
            if (sessions != null) {
                sessions.sendEvent(
                        id,
                        "contact-queued",
                        JsonNodeFactory.instance
                                .objectNode()
                                .put("callId", call.customerCall.orElse(incoming.callId()))
                                .put("destination", request.destination()));
            }
        });
    }

    /** Who calls, as the gateway knows it, into the interaction's context; a failure here does not stop the call. */
    private void storeCaller(java.util.UUID correlationId, CallRequest request) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        List<ContextEntryWrite> entries = new ArrayList<>();
        Optional.ofNullable(request.attributes().get(SUBJECT_ATTRIBUTE))
                .ifPresent(subject ->
                        entries.add(ContextEntryWrite.of(ContextCategory.IDENTITY, "subject", json.textNode(subject))));
        Optional.ofNullable(request.attributes().get(SITE_ATTRIBUTE))
                .ifPresent(site ->
                        entries.add(ContextEntryWrite.of(ContextCategory.IDENTITY, "site", json.textNode(site))));
        entries.add(ContextEntryWrite.of(ContextCategory.ROUTING, "destination", json.textNode(request.destination())));
        try {
            context.write(correlationId, new ContextWrite(ContextSource.SYSTEM, AcdConstants.ACTOR, entries));
        } catch (RuntimeException e) {
            log.warn("Caller context of {} not stored: {}", correlationId, e.getMessage());
        }
    }
}
