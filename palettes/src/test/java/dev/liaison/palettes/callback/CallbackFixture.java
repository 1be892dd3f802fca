package dev.liaison.palettes.callback;

import dev.liaison.palettes.agent.Agent;
import dev.liaison.palettes.agent.AgentDirectory;
import dev.liaison.palettes.agent.AgentSpec;
import dev.liaison.palettes.context.Channel;
import dev.liaison.palettes.context.CorrelationService;
import dev.liaison.palettes.context.ResolveRequest;
import dev.liaison.palettes.context.TimelineEvent;
import dev.liaison.palettes.context.TimelineService;
import dev.liaison.palettes.routing.AcdProperties;
import dev.liaison.palettes.routing.AgentStateService;
import dev.liaison.palettes.routing.NewTask;
import dev.liaison.palettes.routing.QueueService;
import dev.liaison.palettes.routing.QueueSpec;
import dev.liaison.palettes.routing.Reservation;
import dev.liaison.palettes.routing.ReservationRepository;
import dev.liaison.palettes.routing.ReservationService;
import dev.liaison.palettes.routing.ReservationStatus;
import dev.liaison.palettes.routing.RoutingLoop;
import dev.liaison.palettes.routing.Task;
import dev.liaison.palettes.routing.TaskQueue;
import dev.liaison.palettes.routing.TaskService;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Skills, queues, agents, contacts and offers for callback tests, with names unique to each test. */
final class CallbackFixture {

    private static final AtomicInteger sequence = new AtomicInteger();

    private final ApplicationContext context;

    CallbackFixture(ApplicationContext context) {
        this.context = context;
    }

    static String unique(String prefix) {
        return prefix + "_" + sequence.incrementAndGet() + "_"
                + UUID.randomUUID().toString().substring(0, 6);
    }

    /** A queue served by agents with a skill of its own. */
    TaskQueue queue(int wrapUpSeconds) {
        String skill = unique("skill").toLowerCase();
        bean(AgentDirectory.class).createSkill(skill, null);
        return bean(QueueService.class)
                .create(new QueueSpec(
                        unique("queue").toLowerCase(), null, "skills HAS '" + skill + "'", 60, wrapUpSeconds, 20));
    }

    /** An agent of the queue's skill, signed in and available. */
    Agent availableAgent(TaskQueue queue) {
        String skill = queue.getTargetExpression().replaceAll(".*'(.*)'.*", "$1");
        Agent agent = bean(AgentDirectory.class)
                .create(
                        new AgentSpec(unique("agent"), "Agent", Map.of(skill, 5), null, null),
                        bean(AcdProperties.class).defaultCapacity());
        return bean(AgentStateService.class).goAvailable(agent.getId());
    }

    UUID contact() {
        return bean(CorrelationService.class)
                .resolve(new ResolveRequest(null, null, Channel.CHAT))
                .interaction()
                .correlationId();
    }

    Task waitingTask(UUID contact, TaskQueue queue, String channel, int priority) {
        return bean(TaskService.class)
                .enqueue(new NewTask(contact, channel, queue.getName(), null, priority, Map.of("topic", "billing")));
    }

    CallbackRequest now(UUID contact, TaskQueue queue, int maxAttempts, int retryDelaySeconds) {
        return new CallbackRequest(
                contact,
                queue.getName(),
                null,
                "now",
                "phone",
                "+14155550100",
                maxAttempts,
                retryDelaySeconds,
                null,
                null);
    }

    CallbackRequest at(UUID contact, TaskQueue queue, java.time.Instant when) {
        return new CallbackRequest(
                contact, queue.getName(), null, when.toString(), "in-app", null, null, null, null, null);
    }

    /** Routes, then the agent the task was offered to accepts it; returns that agent's offer. */
    Reservation routeAndAccept(UUID taskId) {
        bean(RoutingLoop.class).routeUntilIdle();
        Reservation offer = bean(ReservationRepository.class)
                .findByTaskIdAndStatus(taskId, ReservationStatus.PENDING)
                .orElseThrow(() -> new AssertionError("task " + taskId + " has no pending offer"));
        bean(ReservationService.class).accept(offer.getId(), offer.getAgentId());
        return offer;
    }

    List<String> timelineTypes(UUID contact) {
        return bean(TimelineService.class).list(contact, 0, 1000).stream()
                .map(TimelineEvent::type)
                .toList();
    }

    /** db-scheduler executions (pending or running) left for this callback. */
    List<String> scheduledExecutions(UUID callbackId) {
        return bean(JdbcTemplate.class)
                .queryForList(
                        "SELECT task_instance FROM scheduled_tasks WHERE task_name = ? AND task_instance LIKE ?"
                                + " ORDER BY task_instance",
                        String.class,
                        CallbackSchedule.ATTEMPT,
                        callbackId + "#%");
    }

    /** When the pending execution of this callback attempt falls due. */
    java.time.Instant executionTime(UUID callbackId, int attempt) {
        return bean(JdbcTemplate.class)
                .queryForObject(
                        "SELECT execution_time FROM scheduled_tasks WHERE task_name = ? AND task_instance = ?",
                        java.sql.Timestamp.class,
                        CallbackSchedule.ATTEMPT,
                        CallbackSchedule.instanceId(callbackId, attempt))
                .toInstant();
    }

    List<UUID> tasksOf(UUID contact) {
        return bean(JdbcTemplate.class)
                .queryForList("SELECT id FROM task WHERE correlation_id = ? ORDER BY created_at", UUID.class, contact);
    }

    private <T> T bean(Class<T> type) {
        return context.getBean(type);
    }
}
