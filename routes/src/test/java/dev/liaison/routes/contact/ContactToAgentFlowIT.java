package dev.liaison.routes.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.liaison.palettes.agent.Agent;
import dev.liaison.palettes.agent.AgentDirectory;
import dev.liaison.palettes.agent.AgentSpec;
import dev.liaison.palettes.context.TimelineEvent;
import dev.liaison.palettes.routing.AcdEvent;
import dev.liaison.palettes.routing.QueueService;
import dev.liaison.palettes.routing.QueueSpec;
import dev.liaison.palettes.routing.TaskStatus;
import dev.liaison.palettes.routing.TaskView;
import dev.liaison.routes.support.LiaisonIntegrationTest;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The backbone end to end in the running application: a contact with context enters the Camel route, is queued and
 * offered to the right agent with a screen pop, the agent accepts and ends through agent commands, and every step
 * reaches the agent side.
 */
@LiaisonIntegrationTest
class ContactToAgentFlowIT {

    private static final long WAIT_MS = 10_000;

    @Autowired
    ProducerTemplate producer;

    @Autowired
    ConsumerTemplate consumer;

    @Autowired
    AgentDirectory agents;

    @Autowired
    QueueService queues;

    @BeforeEach
    void nothingWaitsFromEarlierTests() {
        while (consumer.receiveNoWait(ContactConstants.AGENT_EVENTS_ENDPOINT) != null) {
            // what other test classes sharing the application left there
        }
    }

    @Test
    void contactWithContextIsOfferedToTheSkilledAgentWithAScreenPopAndCanBeAcceptedAndEnded() {
        agents.createSkill("insurance", null);
        queues.create(new QueueSpec("insurance", null, "skills HAS 'insurance'", 30, 0, 20));
        Agent agent = agents.create(
                new AgentSpec("carol", "Carol", Map.of("insurance", 7), null, null),
                Map.of("voice", 1, "video", 1, "chat", 3, "callback", 1));
        command("available", agent, Map.of());

        JsonNodeFactory json = JsonNodeFactory.instance;
        ContactQueued queued = producer.requestBody(
                ContactConstants.CONTACT_ENDPOINT,
                new ContactRequest(
                        null,
                        "customer:4711",
                        "chat",
                        "insurance",
                        null,
                        null,
                        Map.of("language", "en"),
                        List.of(
                                new ContactRequest.Entry("identity", "name", json.textNode("Dana Smith"), false),
                                new ContactRequest.Entry("pages", "view", json.textNode("/claims/new"), false))),
                ContactQueued.class);
        assertThat(queued.resumed()).isFalse();

        Exchange offered = nextForCarol();
        assertThat(offered).as("an offer reaches the agent side").isNotNull();
        assertThat(offered.getMessage().getHeader(ContactConstants.AGENT)).isEqualTo("carol");
        AgentOffer offer = offered.getMessage().getBody(AgentOffer.class);
        assertThat(offer.taskId()).isEqualTo(queued.taskId());
        assertThat(offer.context().path("identity").path("name").asText()).isEqualTo("Dana Smith");
        assertThat(offer.context().path("pages").toString()).contains("/claims/new");
        assertThat(offer.explanation()).containsEntry("queue", "insurance").containsEntry("agent", "carol");
        assertThat(offer.timeline()).extracting(TimelineEvent::type).contains("context.updated", "contact.queued");

        TaskView accepted =
                (TaskView) command("accept", agent, Map.of(ContactConstants.RESERVATION_ID, offer.reservationId()));
        assertThat(accepted.status()).isEqualTo(TaskStatus.ASSIGNED);
        Exchange assigned = nextForCarol();
        assertThat(assigned.getMessage().getBody()).isInstanceOf(AcdEvent.TaskAssigned.class);

        TaskView ended = (TaskView) command("end", agent, Map.of(ContactConstants.TASK_ID, queued.taskId()));
        assertThat(ended.status()).isEqualTo(TaskStatus.COMPLETED);
        Exchange over = nextForCarol();
        assertThat(over.getMessage().getBody()).isInstanceOf(AcdEvent.ConversationEnded.class);
        Exchange done = nextForCarol();
        assertThat(done.getMessage().getBody()).isInstanceOf(AcdEvent.TaskEnded.class);

        ContactQueued again = producer.requestBody(
                ContactConstants.CONTACT_ENDPOINT,
                new ContactRequest(null, "customer:4711", "voice", "insurance", null, null, Map.of(), List.of()),
                ContactQueued.class);
        assertThat(again.resumed())
                .as("the same customer on another channel continues the interaction")
                .isTrue();
        assertThat(again.correlationId()).isEqualTo(queued.correlationId());
        AgentOffer second = nextForCarol().getMessage().getBody(AgentOffer.class);
        assertThat(second.timeline())
                .extracting(TimelineEvent::type)
                .as("the screen pop shows the earlier contact")
                .contains("contact.ended");
        command("reject", agent, Map.of(ContactConstants.RESERVATION_ID, second.reservationId()));
    }

    @Test
    void aContactForAnUnknownQueueFailsBackToTheCallerWithTheCode() {
        assertThatThrownBy(() -> producer.requestBody(
                        ContactConstants.CONTACT_ENDPOINT,
                        new ContactRequest(null, null, "chat", "no-such-queue", null, null, Map.of(), List.of())))
                .isInstanceOf(CamelExecutionException.class)
                .hasRootCauseMessage("no queue named 'no-such-queue'");
    }

    /**
     * The next agent-side event for this test's agent. Other test classes share the application and its
     * {@code seda:agent-events}; what they left there (their agents' notices) is skipped, not taken for ours.
     */
    private Exchange nextForCarol() {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (true) {
            long left = deadline - System.currentTimeMillis();
            Exchange next = left > 0 ? consumer.receive(ContactConstants.AGENT_EVENTS_ENDPOINT, left) : null;
            assertThat(next).as("an agent-side event for carol").isNotNull();
            if ("carol".equals(next.getMessage().getHeader(ContactConstants.AGENT))) {
                return next;
            }
        }
    }

    private Object command(String operation, Agent agent, Map<String, Object> headers) {
        Map<String, Object> all = new java.util.HashMap<>(headers);
        all.put(ContactConstants.OPERATION, operation);
        all.put(ContactConstants.AGENT_ID, agent.getId());
        return producer.requestBodyAndHeaders(ContactConstants.AGENT_COMMAND_ENDPOINT, null, all);
    }

    @AfterEach
    void nothingLeftForTheAgentSide() {
        // drain what the last step produced (the rejection notice) and check nothing else is pending
        while (consumer.receiveNoWait(ContactConstants.AGENT_EVENTS_ENDPOINT) != null) {
            // drained
        }
        assertThat(consumer.receiveNoWait(ContactConstants.AGENT_EVENTS_ENDPOINT))
                .isNull();
    }
}
