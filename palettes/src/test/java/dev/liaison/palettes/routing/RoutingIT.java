package dev.liaison.palettes.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liaison.palettes.agent.Agent;
import dev.liaison.palettes.agent.AgentDirectory;
import dev.liaison.palettes.agent.AgentState;
import dev.liaison.palettes.context.TimelineEvent;
import dev.liaison.palettes.context.TimelineService;
import dev.liaison.palettes.support.MutableTestClock;
import dev.liaison.palettes.support.PalettesIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** Routing decisions and the exits of every state, driven by hand on a clock the test moves. */
@PalettesIntegrationTest
@Import(AcdFixture.class)
@TestPropertySource(properties = "liaison.acd.loop-enabled=false")
class RoutingIT {

    @Autowired
    AcdFixture fixture;

    @Autowired
    RoutingLoop routing;

    @Autowired
    ReservationService reservations;

    @Autowired
    ReservationRepository reservationRepository;

    @Autowired
    TaskService tasks;

    @Autowired
    AgentStateService states;

    @Autowired
    AgentDirectory directory;

    @Autowired
    TimelineService timeline;

    @Autowired
    MutableTestClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void offersTheLongestIdleAgentTheQueueAdmitsAndExplainsWhy() {
        String skill = fixture.skill();
        Agent first = fixture.availableAgent("First", Map.of(skill, 5));
        clock.advance(Duration.ofSeconds(1));
        Agent second = fixture.availableAgent("Second", Map.of(skill, 9));
        Agent unskilled = fixture.availableAgent("Unskilled", Map.of());
        TaskQueue queue = fixture.queue("skills HAS '" + skill + "'");

        Task task = fixture.task(queue, "chat", 0);
        routing.routeUntilIdle();

        Reservation offer = pendingOffer(task);
        assertThat(offer.getAgentId()).isEqualTo(first.getId());
        assertThat(offer.getExplanation())
                .containsEntry("queue", queue.getName())
                .containsEntry("agent", first.getLogin())
                .containsKey("rule");
        assertThat(state(first)).isEqualTo(AgentState.RESERVED);
        assertThat(state(second)).isEqualTo(AgentState.AVAILABLE);
        assertThat(state(unskilled)).isEqualTo(AgentState.AVAILABLE);
        List<TimelineEvent> events = timeline.list(task.getCorrelationId(), 0, 100);
        assertThat(events).extracting(TimelineEvent::type).containsSubsequence("contact.queued", "routing.offered");
    }

    @Test
    void explanationNamesTheAgentsPassedOverAndWhy() {
        String skill = fixture.skill();
        Agent novice = fixture.availableAgent("Novice", Map.of(skill, 2));
        clock.advance(Duration.ofSeconds(1));
        Agent expert = fixture.availableAgent("Expert", Map.of(skill, 9));
        TaskQueue queue = fixture.queue("skills HAS '" + skill + "' AND proficiency." + skill + " >= 5");

        Task task = fixture.task(queue, "chat", 0);
        routing.routeUntilIdle();

        Reservation offer = pendingOffer(task);
        assertThat(offer.getAgentId()).isEqualTo(expert.getId());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> skipped =
                (List<Map<String, Object>>) offer.getExplanation().get("skipped");
        assertThat(skipped).anySatisfy(entry -> assertThat(entry).containsEntry("agent", novice.getLogin()));
    }

    @Test
    void acceptedTaskIsAssignedAndEndsThroughWrapUp() {
        String skill = fixture.skill();
        Agent agent = fixture.availableAgent("Ann", Map.of(skill, 5));
        TaskQueue queue = fixture.queue("skills HAS '" + skill + "'", 20, 30);
        Task task = fixture.task(queue, "voice", 0);
        routing.routeUntilIdle();

        reservations.accept(pendingOffer(task).getId(), agent.getId());
        assertThat(tasks.get(task.getId()).getStatus()).isEqualTo(TaskStatus.ASSIGNED);
        assertThat(state(agent)).isEqualTo(AgentState.BUSY);

        tasks.end(task.getId(), "agent:ann");
        assertThat(tasks.get(task.getId()).getStatus()).isEqualTo(TaskStatus.WRAPPING);
        assertThat(state(agent)).isEqualTo(AgentState.WRAP_UP);

        tasks.finishWrapUp(task.getId(), "resolved", "agent:ann");
        assertThat(tasks.get(task.getId()).getStatus()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(tasks.get(task.getId()).getEndReason()).isEqualTo("resolved");
        assertThat(state(agent)).isEqualTo(AgentState.AVAILABLE);
    }

    @Test
    void rejectedTaskKeepsItsPlaceAndIsNotOfferedToTheSameAgentAgain() {
        String skill = fixture.skill();
        Agent first = fixture.availableAgent("First", Map.of(skill, 5));
        TaskQueue queue = fixture.queue("skills HAS '" + skill + "'");
        Task task = fixture.task(queue, "chat", 0);
        routing.routeUntilIdle();

        reservations.reject(pendingOffer(task).getId(), first.getId(), "busy with a walk-in");
        routing.routeUntilIdle();

        assertThat(tasks.get(task.getId()).getStatus()).isEqualTo(TaskStatus.PENDING);
        assertThat(tasks.get(task.getId()).getCreatedAt()).isEqualTo(task.getCreatedAt());
        assertThat(state(first)).isEqualTo(AgentState.AVAILABLE);

        Agent second = fixture.availableAgent("Second", Map.of(skill, 5));
        routing.routeUntilIdle();
        assertThat(pendingOffer(task).getAgentId()).isEqualTo(second.getId());
    }

    @Test
    void unansweredOfferExpiresTheAgentGoesNotReadyAndTheTaskMovesOn() {
        String skill = fixture.skill();
        Agent absent = fixture.availableAgent("Absent", Map.of(skill, 5));
        clock.advance(Duration.ofSeconds(1));
        Agent present = fixture.availableAgent("Present", Map.of(skill, 5));
        TaskQueue queue = fixture.queue("skills HAS '" + skill + "'", 10, 0);
        Task task = fixture.task(queue, "chat", 0);
        routing.routeUntilIdle();
        Reservation first = pendingOffer(task);
        assertThat(first.getAgentId()).isEqualTo(absent.getId());

        clock.advance(Duration.ofSeconds(11));
        routing.runOnce();

        assertThat(reservationRepository.findById(first.getId()).orElseThrow().getStatus())
                .isEqualTo(ReservationStatus.TIMED_OUT);
        Agent reloaded = directory.get(absent.getId());
        assertThat(reloaded.getState()).isEqualTo(AgentState.NOT_READY);
        assertThat(reloaded.getStateReason()).isEqualTo("missed-offer");
        assertThat(pendingOffer(task).getAgentId()).isEqualTo(present.getId());
    }

    @Test
    void expiredOfferCannotBeAcceptedEvenBeforeTheSweepRuns() {
        String skill = fixture.skill();
        Agent agent = fixture.availableAgent("Late", Map.of(skill, 5));
        TaskQueue queue = fixture.queue("skills HAS '" + skill + "'", 10, 0);
        Task task = fixture.task(queue, "chat", 0);
        routing.routeUntilIdle();
        UUID offer = pendingOffer(task).getId();

        clock.advance(Duration.ofSeconds(10));

        assertThatThrownBy(() -> reservations.accept(offer, agent.getId()))
                .hasFieldOrPropertyWithValue("code", "reservation.expired");
    }

    @Test
    void chatCapacityAllowsSeveralTasksButNeverMore() {
        String skill = fixture.skill();
        Agent agent = fixture.agent("Multi", Map.of(skill, 5), Map.of("chat", 2));
        states.goAvailable(agent.getId());
        TaskQueue queue = fixture.queue("skills HAS '" + skill + "'");
        List<Task> chats =
                List.of(fixture.task(queue, "chat", 0), fixture.task(queue, "chat", 0), fixture.task(queue, "chat", 0));

        for (int round = 0; round < 3; round++) {
            routing.routeUntilIdle();
            for (Task chat : chats) {
                reservationRepository
                        .findByTaskIdAndStatus(chat.getId(), ReservationStatus.PENDING)
                        .ifPresent(offer -> reservations.accept(offer.getId(), agent.getId()));
            }
        }

        assertThat(chats.stream().map(chat -> tasks.get(chat.getId()).getStatus()))
                .containsExactlyInAnyOrder(TaskStatus.ASSIGNED, TaskStatus.ASSIGNED, TaskStatus.PENDING);
        assertThat(state(agent)).isEqualTo(AgentState.BUSY);
    }

    @Test
    void higherPriorityIsServedFirstAndAPriorityChangeAppliesAtOnce() {
        String skill = fixture.skill();
        TaskQueue queue = fixture.queue("skills HAS '" + skill + "'");
        Task old = fixture.task(queue, "chat", 0);
        clock.advance(Duration.ofSeconds(1));
        Task urgent = fixture.task(queue, "chat", 5);
        clock.advance(Duration.ofSeconds(1));
        Task promoted = fixture.task(queue, "chat", 0);
        tasks.changePriority(promoted.getId(), 9, "admin:test");

        Agent agent = fixture.availableAgent("Solo", Map.of(skill, 5));
        routing.routeUntilIdle();

        assertThat(pendingOffer(promoted).getAgentId()).isEqualTo(agent.getId());
        assertThat(tasks.get(urgent.getId()).getStatus()).isEqualTo(TaskStatus.PENDING);
        assertThat(tasks.get(old.getId()).getStatus()).isEqualTo(TaskStatus.PENDING);
    }

    @Test
    void wrapUpEndsByItselfAtItsDeadline() {
        String skill = fixture.skill();
        Agent agent = fixture.availableAgent("Notes", Map.of(skill, 5));
        TaskQueue queue = fixture.queue("skills HAS '" + skill + "'", 20, 30);
        Task task = fixture.task(queue, "chat", 0);
        routing.routeUntilIdle();
        reservations.accept(pendingOffer(task).getId(), agent.getId());
        tasks.end(task.getId(), "customer");

        clock.advance(Duration.ofSeconds(31));
        routing.runOnce();

        assertThat(tasks.get(task.getId()).getStatus()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(tasks.get(task.getId()).getEndReason()).isEqualTo("wrap-up-timeout");
        assertThat(state(agent)).isEqualTo(AgentState.AVAILABLE);
    }

    @Test
    void silentAgentIsSignedOutAndTheirOfferGoesBackToTheQueue() {
        String skill = fixture.skill();
        Agent agent = fixture.availableAgent("Gone", Map.of(skill, 5));
        TaskQueue queue = fixture.queue("skills HAS '" + skill + "'", 120, 0);
        Task task = fixture.task(queue, "chat", 0);
        routing.routeUntilIdle();
        assertThat(state(agent)).isEqualTo(AgentState.RESERVED);

        clock.advance(Duration.ofSeconds(61));
        routing.runOnce();

        assertThat(state(agent)).isEqualTo(AgentState.OFFLINE);
        assertThat(tasks.get(task.getId()).getStatus()).isEqualTo(TaskStatus.PENDING);
        assertThat(reservationRepository.findByTaskIdAndStatus(task.getId(), ReservationStatus.PENDING))
                .isEmpty();
    }

    @Test
    void workLeftWithAVanishedAgentEndsAfterTheOrphanTimeout() {
        String skill = fixture.skill();
        Agent agent = fixture.availableAgent("Vanished", Map.of(skill, 5));
        TaskQueue queue = fixture.queue("skills HAS '" + skill + "'", 20, 0);
        Task task = fixture.task(queue, "chat", 0);
        routing.routeUntilIdle();
        reservations.accept(pendingOffer(task).getId(), agent.getId());

        clock.advance(Duration.ofSeconds(61));
        routing.runOnce();
        assertThat(state(agent)).as("desktop went silent").isEqualTo(AgentState.OFFLINE);
        assertThat(tasks.get(task.getId()).getStatus()).isEqualTo(TaskStatus.ASSIGNED);

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        routing.runOnce();

        assertThat(tasks.get(task.getId()).getStatus()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(state(agent)).isEqualTo(AgentState.OFFLINE);
    }

    @Test
    void heartbeatsKeepAnAgentSignedIn() {
        String skill = fixture.skill();
        Agent agent = fixture.availableAgent("Here", Map.of(skill, 5));
        for (int minute = 0; minute < 3; minute++) {
            clock.advance(Duration.ofSeconds(40));
            states.heartbeat(agent.getId());
            routing.runOnce();
        }
        assertThat(state(agent)).isEqualTo(AgentState.AVAILABLE);
    }

    @Test
    void canceledTaskWithdrawsItsOfferAndFreesTheAgent() {
        String skill = fixture.skill();
        Agent agent = fixture.availableAgent("Ringing", Map.of(skill, 5));
        TaskQueue queue = fixture.queue("skills HAS '" + skill + "'");
        Task task = fixture.task(queue, "voice", 0);
        routing.routeUntilIdle();
        Reservation offer = pendingOffer(task);

        tasks.cancel(task.getId(), "caller hung up", "customer");

        assertThat(tasks.get(task.getId()).getStatus()).isEqualTo(TaskStatus.CANCELED);
        assertThat(reservationRepository.findById(offer.getId()).orElseThrow().getStatus())
                .isEqualTo(ReservationStatus.CANCELED);
        assertThat(state(agent)).isEqualTo(AgentState.AVAILABLE);
    }

    @Test
    void goingNotReadyWhileRingingReturnsTheTask() {
        String skill = fixture.skill();
        Agent agent = fixture.availableAgent("Break", Map.of(skill, 5));
        TaskQueue queue = fixture.queue("skills HAS '" + skill + "'");
        Task task = fixture.task(queue, "chat", 0);
        routing.routeUntilIdle();

        states.goNotReady(agent.getId(), "break");

        assertThat(state(agent)).isEqualTo(AgentState.NOT_READY);
        assertThat(tasks.get(task.getId()).getStatus()).isEqualTo(TaskStatus.PENDING);
    }

    @AfterEach
    void noTaskIsOfferedTwiceAndNoAgentHoldsTwoOffers() {
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM (SELECT task_id FROM reservation WHERE status = 'PENDING'"
                                + " GROUP BY task_id HAVING count(*) > 1) t",
                        Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM task t WHERE t.status = 'RESERVED' AND NOT EXISTS (SELECT 1 FROM"
                                + " reservation r WHERE r.task_id = t.id AND r.status = 'PENDING')",
                        Integer.class))
                .as("every RESERVED task has its pending offer")
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM agent a WHERE a.state = 'RESERVED' AND NOT EXISTS (SELECT 1 FROM"
                                + " reservation r WHERE r.agent_id = a.id AND r.status = 'PENDING')",
                        Integer.class))
                .as("every RESERVED agent holds a pending offer")
                .isZero();
    }

    private Reservation pendingOffer(Task task) {
        return reservationRepository
                .findByTaskIdAndStatus(task.getId(), ReservationStatus.PENDING)
                .orElseThrow(() -> new AssertionError("task " + task.getId() + " has no pending offer"));
    }

    private AgentState state(Agent agent) {
        return directory.get(agent.getId()).getState();
    }
}
