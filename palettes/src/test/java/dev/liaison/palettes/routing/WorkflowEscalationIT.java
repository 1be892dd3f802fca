package dev.liaison.palettes.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liaison.palettes.agent.Agent;
import dev.liaison.palettes.context.TimelineEvent;
import dev.liaison.palettes.context.TimelineService;
import dev.liaison.palettes.support.MutableTestClock;
import dev.liaison.palettes.support.PalettesIntegrationTest;
import dev.liaison.palettes.web.ApiException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** Workflows: the first matching filter decides; targets time out and escalate; empty targets can be skipped. */
@PalettesIntegrationTest
@Import(AcdFixture.class)
@TestPropertySource(properties = "liaison.acd.loop-enabled=false")
class WorkflowEscalationIT {

    @Autowired
    AcdFixture fixture;

    @Autowired
    QueueService queues;

    @Autowired
    RoutingLoop routing;

    @Autowired
    ReservationRepository reservations;

    @Autowired
    TaskService tasks;

    @Autowired
    TimelineService timeline;

    @Autowired
    MutableTestClock clock;

    @Test
    void taskWaitsForExpertsThenEscalatesToEveryoneAfterTheTimeout() {
        String skill = fixture.skill();
        Agent generalist = fixture.availableAgent("Generalist", Map.of(skill, 3));
        TaskQueue experts = fixture.queue("skills HAS '" + skill + "'");
        TaskQueue everyone = fixture.queue("skills HAS '" + skill + "'");
        String workflow = fixture.unique("flow").toLowerCase();
        queues.createWorkflow(
                workflow,
                null,
                new WorkflowDefinition(
                        List.of(new WorkflowDefinition.Filter(
                                "vip",
                                "task.vip == true",
                                List.of(
                                        new WorkflowDefinition.Target(
                                                experts.getName(), "proficiency." + skill + " >= 8", 10, 30, false),
                                        new WorkflowDefinition.Target(everyone.getName(), null, null, null, false)))),
                        everyone.getName()));

        Task task = fixture.task(workflow, "chat", Map.of("vip", true));
        routing.runOnce();
        assertThat(tasks.get(task.getId()).getStatus()).isEqualTo(TaskStatus.PENDING);
        assertThat(tasks.get(task.getId()).getPriority()).isEqualTo(10);
        assertThat(tasks.get(task.getId()).getQueueId()).isEqualTo(experts.getId());

        clock.advance(Duration.ofSeconds(29));
        routing.runOnce();
        assertThat(tasks.get(task.getId()).getStatus()).isEqualTo(TaskStatus.PENDING);

        clock.advance(Duration.ofSeconds(2));
        routing.runOnce();

        Task escalated = tasks.get(task.getId());
        assertThat(escalated.getQueueId()).isEqualTo(everyone.getId());
        assertThat(escalated.getTargetIndex()).isEqualTo(1);
        assertThat(escalated.getStatus()).isEqualTo(TaskStatus.RESERVED);
        Reservation offer = reservations
                .findByTaskIdAndStatus(task.getId(), ReservationStatus.PENDING)
                .orElseThrow();
        assertThat(offer.getAgentId()).isEqualTo(generalist.getId());
        assertThat(offer.getExplanation()).containsEntry("filter", "vip").containsEntry("target", 1);
        List<TimelineEvent> events = timeline.list(task.getCorrelationId(), 0, 100);
        assertThat(events)
                .extracting(TimelineEvent::type)
                .containsSubsequence("contact.queued", "routing.escalated", "routing.offered");
    }

    @Test
    void tasksNoFilterMatchesGoToTheDefaultQueue() {
        String skill = fixture.skill();
        TaskQueue vip = fixture.queue("skills HAS '" + skill + "'");
        TaskQueue standard = fixture.queue("skills HAS '" + skill + "'");
        String workflow = fixture.unique("flow").toLowerCase();
        queues.createWorkflow(
                workflow,
                null,
                new WorkflowDefinition(
                        List.of(new WorkflowDefinition.Filter(
                                "vip",
                                "task.vip == true",
                                List.of(new WorkflowDefinition.Target(vip.getName(), null, null, null, false)))),
                        standard.getName()));

        Task task = fixture.task(workflow, "chat", Map.of("vip", false));

        assertThat(tasks.get(task.getId()).getQueueId()).isEqualTo(standard.getId());
        assertThat(tasks.get(task.getId()).getFilterName()).isNull();
    }

    @Test
    void targetWithNoAvailableAgentIsSkippedAtOnce() {
        String skill = fixture.skill();
        String nobodyHasIt = fixture.skill();
        Agent agent = fixture.availableAgent("Fallback", Map.of(skill, 5));
        TaskQueue specialists = fixture.queue("skills HAS '" + nobodyHasIt + "'");
        TaskQueue general = fixture.queue("skills HAS '" + skill + "'");
        String workflow = fixture.unique("flow").toLowerCase();
        queues.createWorkflow(
                workflow,
                null,
                new WorkflowDefinition(
                        List.of(new WorkflowDefinition.Filter(
                                "all",
                                "true",
                                List.of(
                                        new WorkflowDefinition.Target(specialists.getName(), null, null, 600, true),
                                        new WorkflowDefinition.Target(general.getName(), null, null, null, false)))),
                        general.getName()));

        Task task = fixture.task(workflow, "chat", Map.of());
        routing.runOnce();

        assertThat(tasks.get(task.getId()).getQueueId()).isEqualTo(general.getId());
        assertThat(reservations
                        .findByTaskIdAndStatus(task.getId(), ReservationStatus.PENDING)
                        .orElseThrow()
                        .getAgentId())
                .isEqualTo(agent.getId());
        assertThat(timeline.list(task.getCorrelationId(), 0, 100))
                .extracting(TimelineEvent::type)
                .contains("routing.skipped");
    }

    @Test
    void aTargetThatCanNeverBeLeftIsRefusedWithTheFieldNamed() {
        TaskQueue queue = fixture.queue("true");
        WorkflowDefinition unreachable = new WorkflowDefinition(
                List.of(new WorkflowDefinition.Filter(
                        "all",
                        "true",
                        List.of(
                                new WorkflowDefinition.Target(queue.getName(), null, null, null, false),
                                new WorkflowDefinition.Target(queue.getName(), null, null, null, false)))),
                queue.getName());

        assertThatThrownBy(() -> queues.createWorkflow(fixture.unique("flow").toLowerCase(), null, unreachable))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("definition.filters[0].targets[0].timeoutSeconds");
    }

    @Test
    void aBadExpressionInAWorkflowIsRefusedWithItsColumn() {
        TaskQueue queue = fixture.queue("true");
        WorkflowDefinition bad = new WorkflowDefinition(
                List.of(new WorkflowDefinition.Filter(
                        "all",
                        "task.vip ==",
                        List.of(new WorkflowDefinition.Target(queue.getName(), null, null, null, false)))),
                queue.getName());

        assertThatThrownBy(() -> queues.createWorkflow(fixture.unique("flow").toLowerCase(), null, bad))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).properties())
                        .containsEntry("field", "definition.filters[0].match")
                        .containsKey("column"));
    }
}
