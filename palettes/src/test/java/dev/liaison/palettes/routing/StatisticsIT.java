package dev.liaison.palettes.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.palettes.agent.Agent;
import dev.liaison.palettes.agent.AgentDirectory;
import dev.liaison.palettes.agent.AgentState;
import dev.liaison.palettes.support.MutableTestClock;
import dev.liaison.palettes.support.PalettesIntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** Queue and agent statistics follow what happened: waits, service level, handle time, offers by outcome. */
@PalettesIntegrationTest
@Import(AcdFixture.class)
@TestPropertySource(properties = "liaison.acd.loop-enabled=false")
class StatisticsIT {

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
    QueueStatistics queueStatistics;

    @Autowired
    AgentStatistics agentStatistics;

    @Autowired
    AgentDirectory agents;

    @Autowired
    MutableTestClock clock;

    @Test
    void queueAndAgentStatisticsCountWaitsAnswersAbandonsAndHandleTime() {
        String skill = fixture.skill();
        TaskQueue queue = fixture.queue("skills HAS '" + skill + "'", 20, 0);
        Task answeredInTime = fixture.task(queue, "chat", 0);
        Task abandoned = fixture.task(queue, "chat", 0);
        clock.advance(Duration.ofSeconds(10));
        tasks.cancel(abandoned.getId(), "customer left", "customer");
        Task stillWaiting = fixture.task(queue, "chat", 0);

        QueueStatistics.Snapshot before = queueStatistics.of(queue);
        assertThat(before.waiting()).isEqualTo(2);
        assertThat(before.longestWaitSeconds()).isEqualTo(10);
        assertThat(before.abandoned()).isEqualTo(1);
        assertThat(before.estimatedWaitSeconds()).as("no agent staffed yet").isNull();

        Agent agent = fixture.agent("Stats", Map.of(skill, 5), Map.of("chat", 1));
        fixture.availableAgentState(agent);
        routing.routeUntilIdle();
        Reservation offer = reservationRepository
                .findByTaskIdAndStatus(answeredInTime.getId(), ReservationStatus.PENDING)
                .orElseThrow();
        reservations.accept(offer.getId(), agent.getId());
        clock.advance(Duration.ofSeconds(120));
        tasks.end(answeredInTime.getId(), "agent");

        QueueStatistics.Snapshot after = queueStatistics.of(queue);
        assertThat(after.answered()).isEqualTo(1);
        assertThat(after.serviceLevel())
                .as("1 answered within 20 s of 1 answered + 1 abandoned")
                .isEqualTo(0.5);
        assertThat(after.averageHandleSeconds()).isEqualTo(120.0);
        assertThat(after.agentsByState()).containsEntry(AgentState.AVAILABLE, 1);
        assertThat(after.estimatedWaitSeconds())
                .as("(1 waiting + 1) x 120 s / 1 agent")
                .isEqualTo(240L);

        AgentStatistics.Snapshot stats = agentStatistics.of(agents.get(agent.getId()));
        assertThat(stats.offersToday()).isEqualTo(1);
        assertThat(stats.acceptedToday()).isEqualTo(1);
        assertThat(stats.completedToday()).isEqualTo(1);
        assertThat(stats.averageHandleSeconds()).isEqualTo(120.0);
        assertThat(stats.activeTasks()).isEmpty();
        assertThat(tasks.get(stillWaiting.getId()).getStatus()).isEqualTo(TaskStatus.PENDING);
    }
}
