package dev.liaison.palettes.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.liaison.palettes.routing.Task;
import dev.liaison.palettes.routing.TaskQueue;
import dev.liaison.palettes.routing.TaskService;
import dev.liaison.palettes.routing.TaskStatus;
import dev.liaison.palettes.support.MutableTestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** A callback for a chosen time is a durable db-scheduler execution that queues a callback task when it falls due. */
@CallbackIntegrationTest
class ScheduledCallbackIT {

    private static final Duration FIRING = Duration.ofSeconds(10);

    @Autowired
    ApplicationContext context;

    @Autowired
    CallbackService callbacks;

    @Autowired
    CallbackDispatcher dispatcher;

    @Autowired
    TaskService tasks;

    @Autowired
    MutableTestClock clock;

    @Autowired
    JdbcTemplate jdbc;

    CallbackFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new CallbackFixture(context);
    }

    @Test
    void scheduledCallbackFiresAtItsTimeAndQueuesACallbackTask() {
        TaskQueue queue = fixture.queue(0);
        UUID contact = fixture.contact();
        Instant at = clock.instant().plus(Duration.ofMinutes(10));

        Callback callback = callbacks.request(fixture.at(contact, queue, at), "customer");

        assertThat(callback.getState()).isEqualTo(CallbackState.SCHEDULED);
        assertThat(callback.getNextAttemptAt()).isEqualTo(at);
        assertThat(fixture.executionTime(callback.getId(), 1)).isEqualTo(at);
        assertThat(fixture.tasksOf(contact)).isEmpty();

        clock.advance(Duration.ofMinutes(10));
        await().atMost(FIRING).until(() -> callbacks.get(callback.getId()).getState() == CallbackState.QUEUED);

        Callback queued = callbacks.get(callback.getId());
        assertThat(queued.getAttempts()).isEqualTo(1);
        assertThat(queued.getNextAttemptAt()).isNull();
        Task task = tasks.get(queued.getTaskId());
        assertThat(task.getChannel()).isEqualTo("callback");
        assertThat(task.getStatus()).isEqualTo(TaskStatus.PENDING);
        assertThat(task.getQueueId()).isEqualTo(queue.getId());
        assertThat(task.getAttributes())
                .containsEntry("callbackId", callback.getId().toString())
                .containsEntry("callbackTarget", "in-app")
                .containsEntry("callbackAttempt", 1);
        assertThat(fixture.timelineTypes(contact))
                .containsSubsequence(CallbackTimeline.REQUESTED, "contact.queued", CallbackTimeline.QUEUED);
        await().atMost(FIRING)
                .until(() -> fixture.scheduledExecutions(callback.getId()).isEmpty());
    }

    @Test
    void aDuplicateExecutionOfOneAttemptQueuesOnlyOneTask() {
        TaskQueue queue = fixture.queue(0);
        UUID contact = fixture.contact();
        Callback callback =
                callbacks.request(fixture.at(contact, queue, clock.instant().plus(Duration.ofMinutes(5))), "customer");
        String instance = CallbackSchedule.instanceId(callback.getId(), 1);

        // as if a node ran the execution and died before db-scheduler removed it, and another node ran it again
        assertThat(dispatcher.fireDue(instance)).isTrue();
        assertThat(dispatcher.fireDue(instance)).isFalse();
        assertThat(fixture.tasksOf(contact)).hasSize(1);

        // the real execution still falls due, and changes nothing either
        clock.advance(Duration.ofMinutes(5));
        await().atMost(FIRING)
                .until(() -> fixture.scheduledExecutions(callback.getId()).isEmpty());
        assertThat(fixture.tasksOf(contact)).hasSize(1);
        Callback queued = callbacks.get(callback.getId());
        assertThat(queued.getState()).isEqualTo(CallbackState.QUEUED);
        assertThat(queued.getAttempts()).isEqualTo(1);
        assertThat(fixture.timelineTypes(contact).stream()
                        .filter(CallbackTimeline.QUEUED::equals)
                        .count())
                .isEqualTo(1);
        callbacks.cancel(callback.getId(), "test done", "admin");
    }

    @Test
    void anAttemptWhoseQueueWasRemovedFailsTheCallbackInsteadOfRetryingForever() {
        TaskQueue queue = fixture.queue(0);
        UUID contact = fixture.contact();
        Callback callback =
                callbacks.request(fixture.at(contact, queue, clock.instant().plus(Duration.ofMinutes(5))), "customer");
        jdbc.update("UPDATE callback SET queue_name = 'no-such-queue' WHERE id = ?", callback.getId());

        clock.advance(Duration.ofMinutes(5));
        await().atMost(FIRING).until(() -> callbacks.get(callback.getId()).getState() == CallbackState.FAILED);

        assertThat(callbacks.get(callback.getId()).getEndReason()).isEqualTo("not-queued: queue.unknown");
        assertThat(fixture.tasksOf(contact)).isEmpty();
        assertThat(fixture.timelineTypes(contact)).contains(CallbackTimeline.FAILED);
    }

    @AfterEach
    void nothingLeaked() {
        CallbackLeakChecks.assertNothingLeaked(jdbc);
    }
}
