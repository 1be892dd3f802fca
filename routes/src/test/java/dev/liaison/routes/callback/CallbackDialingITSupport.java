package dev.liaison.routes.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.liaison.gateway.call.B2bua;
import dev.liaison.gateway.call.PassThroughMediaPort;
import dev.liaison.gateway.client.it.ProtocolTestClient;
import dev.liaison.gateway.client.session.ClientSessionRegistry;
import dev.liaison.gateway.client.token.ClientTokenIssuer;
import dev.liaison.gateway.sip.SipStackHost;
import dev.liaison.gateway.sip.Sipp;
import dev.liaison.palettes.agent.Agent;
import dev.liaison.palettes.agent.AgentDirectory;
import dev.liaison.palettes.agent.AgentSpec;
import dev.liaison.palettes.callback.Callback;
import dev.liaison.palettes.callback.CallbackRequest;
import dev.liaison.palettes.callback.CallbackService;
import dev.liaison.palettes.callback.CallbackState;
import dev.liaison.palettes.context.Channel;
import dev.liaison.palettes.context.CorrelationService;
import dev.liaison.palettes.context.ResolveRequest;
import dev.liaison.palettes.context.TimelineEvent;
import dev.liaison.palettes.context.TimelineService;
import dev.liaison.palettes.routing.AgentStateService;
import dev.liaison.palettes.routing.QueueService;
import dev.liaison.palettes.routing.QueueSpec;
import dev.liaison.palettes.routing.Reservation;
import dev.liaison.palettes.routing.ReservationRepository;
import dev.liaison.palettes.routing.ReservationService;
import dev.liaison.palettes.routing.ReservationStatus;
import dev.liaison.palettes.routing.TaskService;
import dev.liaison.routes.support.LiaisonIntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application with SIPp standing in for the PBX behind the callback trunk (one port for every test, so the
 * callback SIP target template can name it), a pass-through media broker double, a 5 s answer timeout (for the
 * no-answer flow), retry delays down to 1 s and db-scheduler polling every second. Every test ends with no call,
 * SIP leg, dialog, client session or leg, tracked callback call or open media bridge left, and no callback left
 * dialing.
 */
@LiaisonIntegrationTest
@Import(CallbackDialingITSupport.PassThroughMedia.class)
abstract class CallbackDialingITSupport {

    static final int PBX_PORT = freePort();
    static final String US_NUMBER = "+14155550100";
    static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicInteger sequence = new AtomicInteger();

    @DynamicPropertySource
    static void callbackTrunk(DynamicPropertyRegistry registry) {
        registry.add("liaison.callback.dialing.sip-target-template", () -> "sip:{number}@127.0.0.1:" + PBX_PORT);
        registry.add("liaison.gateway.calls.allowed-sip-targets", () -> "sip:\\+1\\d{10}@127\\.0\\.0\\.1:\\d+");
        registry.add("liaison.sip.trunk-peers", () -> "127.0.0.1");
        registry.add("liaison.gateway.calls.answer-timeout", () -> "5s");
        registry.add("liaison.callback.min-retry-delay", () -> "1s");
        registry.add("db-scheduler.polling-interval", () -> "1s");
    }

    @TestConfiguration
    static class PassThroughMedia {
        @Bean
        PassThroughMediaPort mediaPort() {
            return new PassThroughMediaPort();
        }
    }

    @LocalServerPort
    int httpPort;

    @Autowired
    B2bua b2bua;

    @Autowired
    SipStackHost sip;

    @Autowired
    ClientSessionRegistry sessions;

    @Autowired
    PassThroughMediaPort media;

    @Autowired
    CallbackCalls callbackCalls;

    @Autowired
    CallbackService callbacks;

    @Autowired
    TaskService tasks;

    @Autowired
    ReservationRepository reservations;

    @Autowired
    ReservationService reservationService;

    @Autowired
    AgentDirectory agents;

    @Autowired
    AgentStateService agentStates;

    @Autowired
    QueueService queues;

    @Autowired
    CorrelationService correlations;

    @Autowired
    TimelineService timeline;

    @Autowired
    ClientTokenIssuer tokens;

    @Autowired
    JdbcTemplate jdbc;

    /** A queue of its own with one available agent who has capacity for callbacks; returns the queue name. */
    String queueWithAnAgent() {
        String skill = "cb_skill_" + sequence.incrementAndGet();
        agents.createSkill(skill, null);
        String queue = "cb_queue_" + sequence.get();
        queues.create(new QueueSpec(queue, null, "skills HAS '" + skill + "'", 60, 0, 20));
        Agent agent = agents.create(
                new AgentSpec("cb_agent_" + sequence.get(), "Agent", Map.of(skill, 5), null, null),
                Map.of("voice", 1, "callback", 1));
        agentStates.goAvailable(agent.getId());
        return queue;
    }

    UUID contact() {
        return correlations
                .resolve(new ResolveRequest(null, null, Channel.CHAT))
                .interaction()
                .correlationId();
    }

    Callback requestNow(UUID contact, String queue, String target, String phone, int maxAttempts) {
        return callbacks.request(
                new CallbackRequest(contact, queue, null, "now", target, phone, maxAttempts, 1, null, null),
                "customer");
    }

    /** Waits for the callback's current attempt to be offered, and the agent accepts it: the dialing starts. */
    void agentAcceptsCurrentAttempt(UUID callbackId) {
        UUID taskId = await("the callback's attempt is queued")
                .atMost(WAIT)
                .until(
                        () -> {
                            Callback c = callbacks.get(callbackId);
                            return c.getState() == CallbackState.QUEUED ? c.getTaskId() : null;
                        },
                        id -> id != null);
        Reservation offer = await("an offer of task " + taskId)
                .atMost(WAIT)
                .until(() -> reservations.findByTaskIdAndStatus(taskId, ReservationStatus.PENDING), Optional::isPresent)
                .orElseThrow();
        reservationService.accept(offer.getId(), offer.getAgentId());
    }

    Callback awaitState(UUID callbackId, CallbackState state) {
        await("callback " + callbackId + " " + state)
                .atMost(WAIT)
                .until(() -> callbacks.get(callbackId).getState() == state);
        return callbacks.get(callbackId);
    }

    List<String> timelineTypes(UUID contact) {
        return timeline.list(contact, 0, 1000).stream().map(TimelineEvent::type).toList();
    }

    List<TimelineEvent> timelineOf(UUID contact, String type) {
        return timeline.list(contact, 0, 1000).stream()
                .filter(e -> e.type().equals(type))
                .toList();
    }

    /** The agent ends the answered callback's task: its call is hung up. */
    void agentEnds(Callback callback) {
        tasks.end(callback.getTaskId(), "agent:test");
    }

    /** A customer's page on /ws/client with a session under {@code correlationId}. */
    ProtocolTestClient customerPageOnline(UUID correlationId) {
        ProtocolTestClient page = ProtocolTestClient.connect(httpPort);
        String token =
                tokens.issue("customer-" + correlationId, "acme", Set.of("support"), Set.of(), Duration.ofMinutes(5));
        page.send("authenticate", "auth", m -> m.put("token", token));
        page.next("authenticated");
        page.send("start-session", "start", m -> m.put("correlationId", correlationId.toString()));
        page.next("session");
        return page;
    }

    @AfterEach
    void nothingLeaked() {
        await("no call, SIP leg, dialog, client session or tracked callback call left")
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> {
                    assertThat(b2bua.activeCallIds()).as("calls").isEmpty();
                    assertThat(callbackCalls.size())
                            .as("tracked callback calls")
                            .isZero();
                    assertThat(sip.legs().all()).as("SIP legs").isEmpty();
                    assertThat(sip.stack().orElseThrow().getDialogs())
                            .as("SIP dialogs")
                            .isEmpty();
                    assertThat(sessions.sessionCount()).as("client sessions").isZero();
                    assertThat(sessions.legCount()).as("client legs").isZero();
                });
        assertThat(media.allClosed()).as("media bridges closed").isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM callback WHERE state = 'IN_PROGRESS'", Integer.class))
                .as("no callback left dialing")
                .isZero();
    }

    static Sipp pbx(String scenario) throws IOException {
        return Sipp.uas(scenario, PBX_PORT);
    }

    private static int freePort() {
        try {
            return Sipp.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
