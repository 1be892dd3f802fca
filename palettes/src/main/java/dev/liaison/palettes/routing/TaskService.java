package dev.liaison.palettes.routing;

import dev.liaison.palettes.agent.Agent;
import dev.liaison.palettes.agent.AgentEvent;
import dev.liaison.palettes.agent.AgentRepository;
import dev.liaison.palettes.web.ApiException;
import dev.liaison.palettes.web.ConflictException;
import dev.liaison.palettes.web.NotFoundException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Tasks from arrival to end: enqueue, workflow targets and escalation, end of conversation, wrap-up, cancel. */
@Service
public class TaskService {

    /** Largest size of a task's attributes as JSON text. */
    static final int MAX_ATTRIBUTES_CHARS = 8_192;

    private final TaskRepository tasks;
    private final ReservationRepository reservations;
    private final AgentRepository agents;
    private final WorkflowRepository workflows;
    private final RoutingPlan plan;
    private final AgentWork agentWork;
    private final ContactTimeline timeline;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    @PersistenceContext
    private EntityManager entityManager;

    TaskService(
            TaskRepository tasks,
            ReservationRepository reservations,
            AgentRepository agents,
            WorkflowRepository workflows,
            RoutingPlan plan,
            AgentWork agentWork,
            ContactTimeline timeline,
            ApplicationEventPublisher events,
            Clock clock) {
        this.tasks = tasks;
        this.reservations = reservations;
        this.agents = agents;
        this.workflows = workflows;
        this.plan = plan;
        this.agentWork = agentWork;
        this.timeline = timeline;
        this.events = events;
        this.clock = clock;
    }

    /** Puts a new task in its queue (or at its workflow's first target) and returns it. */
    @Transactional
    public Task enqueue(NewTask request) {
        Instant now = clock.instant();
        Map<String, Object> attributes = request.attributes() == null ? Map.of() : request.attributes();
        requireSmall(attributes);
        boolean hasQueue = request.queue() != null && !request.queue().isBlank();
        boolean hasWorkflow = request.workflow() != null && !request.workflow().isBlank();
        if (hasQueue == hasWorkflow) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "request.invalid",
                    "give either queue or workflow",
                    Map.of("errors", List.of(Map.of("field", "queue", "message", "give either queue or workflow"))));
        }
        int priority = request.priority() == null ? 0 : request.priority();
        RoutingPlan.Snapshot snapshot = plan.snapshot();
        Task task;
        if (hasQueue) {
            TaskQueue queue = snapshot.queue(request.queue());
            task = new Task(
                    UUID.randomUUID(),
                    request.correlationId(),
                    request.channel(),
                    attributes,
                    priority,
                    null,
                    queue.getId(),
                    null,
                    now);
        } else {
            Workflow workflow = workflows
                    .findByName(request.workflow())
                    .orElseThrow(() -> new NotFoundException("workflow", request.workflow()));
            Map<String, Object> view = new HashMap<>(attributes);
            view.put("channel", request.channel());
            view.put("priority", priority);
            WorkflowDefinition.Filter filter = snapshot.filterFor(workflow, view);
            TaskQueue start = snapshot.queue(
                    filter == null
                            ? workflow.getDefinition().defaultQueue()
                            : filter.targets().get(0).queue());
            task = new Task(
                    UUID.randomUUID(),
                    request.correlationId(),
                    request.channel(),
                    attributes,
                    priority,
                    workflow.getId(),
                    start.getId(),
                    filter == null ? null : filter.name(),
                    now);
            if (filter != null) {
                enterTarget(task, 0, snapshot, now);
            }
        }
        // A new row with its own id: persist, where save() would first look for it (one more round trip).
        entityManager.persist(task);
        TaskQueue queue = snapshot.queue(task.getQueueId());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("taskId", task.getId().toString());
        details.put("queue", queue.getName());
        details.put("channel", task.getChannel());
        details.put("priority", task.getPriority());
        if (task.getFilterName() != null) {
            details.put("filter", task.getFilterName());
        }
        timeline.append(
                task.getCorrelationId(),
                "contact.queued",
                "system",
                "Queued in " + queue.getName() + " (" + task.getChannel() + ", priority " + task.getPriority() + ")",
                details);
        events.publishEvent(new AcdEvent.TaskQueued(
                task.getId(), task.getCorrelationId(), queue.getName(), task.getChannel(), task.getPriority(), now));
        return task;
    }

    /**
     * Moves a task to target {@code index} of its filter, passing over targets that skip when no agent is available;
     * the last target is never skipped.
     */
    void enterTarget(Task task, int index, RoutingPlan.Snapshot snapshot, Instant now) {
        int current = index;
        while (true) {
            RoutingTarget target = snapshot.targetAt(task, current);
            RoutingTarget next = snapshot.targetAt(task, current + 1);
            if (target.skipIfNoAgents() && next != null && !anyAgentAvailableFor(target, task)) {
                timeline.append(
                        task.getCorrelationId(),
                        "routing.skipped",
                        "system",
                        "Skipped target " + current + " (queue "
                                + target.queue().getName() + "): no agent available",
                        Map.of(
                                "filter",
                                task.getFilterName(),
                                "target",
                                current,
                                "queue",
                                target.queue().getName()));
                current++;
                continue;
            }
            Instant deadline = target.timeout() == null || next == null ? null : now.plus(target.timeout());
            task.moveTo(target.queue().getId(), current, now, deadline);
            if (target.priority() != null) {
                task.setPriority(target.priority());
            }
            return;
        }
    }

    private boolean anyAgentAvailableFor(RoutingTarget target, Task task) {
        Map<String, Object> taskView = task.routingAttributes();
        for (Agent agent : agents.findAll()) {
            if (agent.getState().routable()
                    && agent.capacityFor(task.getChannel()) > 0
                    && target.admits(agent.routingAttributes(), taskView)) {
                return true;
            }
        }
        return false;
    }

    /** Moves waiting tasks whose target timed out to their next target; returns how many moved. */
    @Transactional
    public int escalateDue(int limit) {
        Instant now = clock.instant();
        List<Task> due = tasks.lockEscalationDue(now, limit);
        if (due.isEmpty()) {
            return 0;
        }
        RoutingPlan.Snapshot snapshot = plan.snapshot();
        for (Task task : due) {
            RoutingTarget from = snapshot.targetOf(task);
            enterTarget(task, task.getTargetIndex() + 1, snapshot, now);
            RoutingTarget to = snapshot.targetOf(task);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("filter", task.getFilterName());
            details.put("fromTarget", from.targetIndex());
            details.put("fromQueue", from.queue().getName());
            details.put("toTarget", to.targetIndex());
            details.put("toQueue", to.queue().getName());
            details.put("expression", to.conditionText());
            timeline.append(
                    task.getCorrelationId(),
                    "routing.escalated",
                    "system",
                    "Waited " + from.timeout().toSeconds() + " s in "
                            + from.queue().getName() + "; now routed to "
                            + to.queue().getName() + " (" + to.conditionText() + ")",
                    details);
        }
        return due.size();
    }

    /** The conversation is over: the task goes to wrap-up (or completes when its queue has none). */
    @Transactional
    public Task end(UUID taskId, String actor) {
        Instant now = clock.instant();
        Task task = tasks.lockById(taskId).orElseThrow(() -> new NotFoundException("task", taskId));
        if (task.getStatus() != TaskStatus.ASSIGNED) {
            throw new ConflictException("task.not_assigned", "task " + taskId + " is " + task.getStatus());
        }
        Agent agent = agents.lockById(task.getAgentId()).orElseThrow();
        TaskQueue queue = plan.snapshot().queue(task.getQueueId());
        if (queue.getWrapUpSeconds() > 0) {
            task.startWrapUp(now.plusSeconds(queue.getWrapUpSeconds()));
        } else {
            task.complete("ended", now);
        }
        tasks.flush();
        agentWork.apply(agent, AgentEvent.TASK_ENDED, null, now);
        timeline.append(
                task.getCorrelationId(),
                "contact.ended",
                actor,
                "Conversation with " + agent.getDisplayName() + " ended",
                Map.of("taskId", taskId.toString(), "agent", agent.getLogin()));
        events.publishEvent(new AcdEvent.ConversationEnded(
                taskId, task.getCorrelationId(), agent.getId(), agent.getLogin(), actor, now));
        if (task.getStatus() == TaskStatus.COMPLETED) {
            events.publishEvent(new AcdEvent.TaskEnded(
                    taskId, task.getCorrelationId(), agent.getLogin(), TaskStatus.COMPLETED, "ended", now));
        }
        return task;
    }

    /** The agent finished the wrap-up (notes, disposition): the task completes. */
    @Transactional
    public Task finishWrapUp(UUID taskId, String disposition, String actor) {
        Task task = tasks.lockById(taskId).orElseThrow(() -> new NotFoundException("task", taskId));
        if (task.getStatus() != TaskStatus.WRAPPING) {
            throw new ConflictException("task.not_wrapping", "task " + taskId + " is " + task.getStatus());
        }
        completeWrapUp(task, disposition == null ? "wrapped-up" : disposition, actor, clock.instant());
        return task;
    }

    /** Completes tasks whose wrap-up time ran out; returns how many. */
    @Transactional
    public int completeExpiredWrapUps(int limit) {
        Instant now = clock.instant();
        List<Task> due = tasks.lockWrapUpExpired(now, limit);
        for (Task task : due) {
            completeWrapUp(task, "wrap-up-timeout", "system", now);
        }
        return due.size();
    }

    private void completeWrapUp(Task task, String reason, String actor, Instant now) {
        Agent agent = agents.lockById(task.getAgentId()).orElseThrow();
        task.complete(reason, now);
        tasks.flush();
        agentWork.apply(agent, AgentEvent.WRAP_UP_ENDED, null, now);
        timeline.append(
                task.getCorrelationId(),
                "contact.completed",
                actor,
                "Wrap-up finished (" + reason + ")",
                Map.of("taskId", task.getId().toString(), "agent", agent.getLogin(), "disposition", reason));
        events.publishEvent(new AcdEvent.TaskEnded(
                task.getId(), task.getCorrelationId(), agent.getLogin(), TaskStatus.COMPLETED, reason, now));
    }

    /** The customer left before an agent took the task; an offer in progress is withdrawn. */
    @Transactional
    public Task cancel(UUID taskId, String reason, String actor) {
        Instant now = clock.instant();
        Task task = tasks.lockById(taskId).orElseThrow(() -> new NotFoundException("task", taskId));
        if (!task.getStatus().waiting()) {
            throw new ConflictException(
                    "task.not_waiting",
                    "task " + taskId + " is " + task.getStatus() + "; only a waiting task is canceled");
        }
        if (task.getStatus() == TaskStatus.RESERVED) {
            reservations
                    .findByTaskIdAndStatus(taskId, ReservationStatus.PENDING)
                    .ifPresent(reservation -> withdraw(reservation, ReservationStatus.CANCELED, now));
        }
        task.cancel(reason, now);
        timeline.append(
                task.getCorrelationId(),
                "contact.abandoned",
                actor,
                "Left the queue (" + reason + ")",
                Map.of("taskId", taskId.toString(), "reason", reason));
        events.publishEvent(
                new AcdEvent.TaskEnded(taskId, task.getCorrelationId(), null, TaskStatus.CANCELED, reason, now));
        return task;
    }

    /**
     * The customer waiting in this task asked to be called back instead (virtual hold): the task becomes a callback
     * task in place, keeping its id, created_at and priority, so it keeps its place in the queue. An offer in progress
     * is withdrawn and the task waits again; its attributes gain {@code callbackAttributes}.
     */
    @Transactional
    public Task convertToCallback(UUID taskId, Map<String, Object> callbackAttributes, String actor) {
        Instant now = clock.instant();
        Task task = tasks.lockById(taskId).orElseThrow(() -> new NotFoundException("task", taskId));
        if (!task.getStatus().waiting()) {
            throw new ConflictException(
                    "task.not_waiting",
                    "task " + taskId + " is " + task.getStatus() + "; only a waiting task becomes a callback");
        }
        if (task.getStatus() == TaskStatus.RESERVED) {
            reservations
                    .findByTaskIdAndStatus(taskId, ReservationStatus.PENDING)
                    .ifPresent(reservation -> withdraw(reservation, ReservationStatus.CANCELED, now));
            task.returnToQueue();
        }
        String before = task.getChannel();
        Map<String, Object> attributes = new HashMap<>(task.getAttributes());
        attributes.putAll(callbackAttributes);
        requireSmall(attributes);
        task.becomeCallback(callbackAttributes);
        timeline.append(
                task.getCorrelationId(),
                "routing.converted_to_callback",
                actor,
                "Became a callback in place (was " + before + "); keeps its place in the queue",
                Map.of("taskId", taskId.toString(), "from", before, "priority", task.getPriority()));
        return task;
    }

    private void withdraw(Reservation reservation, ReservationStatus outcome, Instant now) {
        Reservation locked = reservations.lockById(reservation.getId()).orElseThrow();
        locked.decide(outcome, now);
        reservations.flush();
        Agent agent = agents.lockById(locked.getAgentId()).orElseThrow();
        agentWork.apply(agent, AgentEvent.OFFER_CANCELED, null, now);
        events.publishEvent(new AcdEvent.OfferWithdrawn(
                locked.getId(), locked.getTaskId(), agent.getId(), agent.getLogin(), outcome));
    }

    /** Changes a waiting task's priority; the next routing pass uses it. */
    @Transactional
    public Task changePriority(UUID taskId, int priority, String actor) {
        Task task = tasks.lockById(taskId).orElseThrow(() -> new NotFoundException("task", taskId));
        if (!task.getStatus().waiting()) {
            throw new ConflictException("task.not_waiting", "task " + taskId + " is " + task.getStatus());
        }
        int before = task.getPriority();
        task.setPriority(priority);
        timeline.append(
                task.getCorrelationId(),
                "routing.priority_changed",
                actor,
                "Priority changed from " + before + " to " + priority,
                Map.of("taskId", taskId.toString(), "from", before, "to", priority));
        return task;
    }

    @Transactional(readOnly = true)
    public Task get(UUID taskId) {
        return tasks.findById(taskId).orElseThrow(() -> new NotFoundException("task", taskId));
    }

    private static void requireSmall(Map<String, Object> attributes) {
        int size = String.valueOf(attributes).length();
        if (size > MAX_ATTRIBUTES_CHARS) {
            throw new ApiException(
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    "task.attributes_too_large",
                    "task attributes are " + size + " characters; the limit is " + MAX_ATTRIBUTES_CHARS,
                    Map.of("limit", MAX_ATTRIBUTES_CHARS, "size", size));
        }
    }
}
