package dev.liaison.palettes.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.liaison.palettes.agent.Agent;
import dev.liaison.palettes.agent.AgentDirectory;
import dev.liaison.palettes.agent.AgentState;
import dev.liaison.palettes.routing.Reservation;
import dev.liaison.palettes.routing.TaskQueue;
import dev.liaison.palettes.routing.TaskService;
import dev.liaison.palettes.routing.TaskStatus;
import dev.liaison.palettes.support.MutableTestClock;
import dev.liaison.palettes.web.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Attempts and their outcomes: an agent accepts (IN_PROGRESS), reports answered (COMPLETED) or not reached (the task
 * ends, the agent is freed, the next attempt is a durable execution after the retry delay), until attempts run out
 * (FAILED).
 */
@CallbackIntegrationTest
class CallbackRetriesIT {

    private static final Duration FIRING = Duration.ofSeconds(10);

    @Autowired
    ApplicationContext context;

    @Autowired
    CallbackService callbacks;

    @Autowired
    CallbackAttempts attempts;

    @Autowired
    TaskService tasks;

    @Autowired
    AgentDirectory agents;

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
    void failedAttemptsRetryAfterTheDelayUntilMaxAttemptsThenTheCallbackFails() {
        TaskQueue queue = fixture.queue(0);
        Agent agent = fixture.availableAgent(queue);
        UUID contact = fixture.contact();
        Callback callback = callbacks.request(fixture.now(contact, queue, 2, 30), "customer");
        assertThat(callback.getState()).isEqualTo(CallbackState.QUEUED);
        UUID firstTask = callback.getTaskId();

        Reservation offer = fixture.routeAndAccept(firstTask);
        assertThat(offer.getAgentId()).isEqualTo(agent.getId());
        assertThat(callbacks.get(callback.getId()).getState()).isEqualTo(CallbackState.IN_PROGRESS);

        Instant failedAt = clock.instant();
        Callback retrying = attempts.report(callback.getId(), "no-answer", "agent:" + agent.getLogin());

        assertThat(retrying.getState()).isEqualTo(CallbackState.RETRY_SCHEDULED);
        assertThat(retrying.getLastOutcome()).isEqualTo(AttemptOutcome.NO_ANSWER);
        assertThat(retrying.getNextAttemptAt()).isEqualTo(failedAt.plusSeconds(30));
        assertThat(fixture.executionTime(callback.getId(), 2)).isEqualTo(failedAt.plusSeconds(30));
        assertThat(tasks.get(firstTask).getStatus()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(agents.get(agent.getId()).getState()).isEqualTo(AgentState.AVAILABLE);

        clock.advance(Duration.ofSeconds(30));
        await().atMost(FIRING).until(() -> callbacks.get(callback.getId()).getState() == CallbackState.QUEUED);
        Callback second = callbacks.get(callback.getId());
        assertThat(second.getAttempts()).isEqualTo(2);
        assertThat(second.getTaskId()).isNotEqualTo(firstTask);
        assertThat(tasks.get(second.getTaskId()).getAttributes()).containsEntry("callbackAttempt", 2);

        fixture.routeAndAccept(second.getTaskId());
        Callback failed = attempts.report(callback.getId(), "busy", "agent:" + agent.getLogin());

        assertThat(failed.getState()).isEqualTo(CallbackState.FAILED);
        assertThat(failed.getEndReason()).isEqualTo("attempts-exhausted");
        assertThat(failed.getLastOutcome()).isEqualTo(AttemptOutcome.BUSY);
        assertThat(tasks.get(second.getTaskId()).getStatus()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(agents.get(agent.getId()).getState()).isEqualTo(AgentState.AVAILABLE);
        assertThat(fixture.timelineTypes(contact))
                .containsSubsequence(
                        CallbackTimeline.REQUESTED,
                        CallbackTimeline.QUEUED,
                        CallbackTimeline.DIALING,
                        CallbackTimeline.ATTEMPT_FAILED,
                        CallbackTimeline.QUEUED,
                        CallbackTimeline.DIALING,
                        CallbackTimeline.ATTEMPT_FAILED,
                        CallbackTimeline.FAILED);
        await().atMost(FIRING)
                .until(() -> fixture.scheduledExecutions(callback.getId()).isEmpty());
    }

    @Test
    void anAnsweredAttemptCompletesTheCallbackAndTheTaskGoesOnThroughWrapUp() {
        TaskQueue queue = fixture.queue(30);
        Agent agent = fixture.availableAgent(queue);
        UUID contact = fixture.contact();
        Callback callback = callbacks.request(fixture.now(contact, queue, 3, 60), "customer");
        fixture.routeAndAccept(callback.getTaskId());

        Callback completed = attempts.report(callback.getId(), "answered", "agent:" + agent.getLogin());

        assertThat(completed.getState()).isEqualTo(CallbackState.COMPLETED);
        assertThat(completed.getLastOutcome()).isEqualTo(AttemptOutcome.ANSWERED);
        assertThat(tasks.get(callback.getTaskId()).getStatus()).isEqualTo(TaskStatus.ASSIGNED);
        tasks.end(callback.getTaskId(), "agent:" + agent.getLogin());
        assertThat(tasks.get(callback.getTaskId()).getStatus()).isEqualTo(TaskStatus.WRAPPING);
        tasks.finishWrapUp(callback.getTaskId(), "resolved", "agent:" + agent.getLogin());
        assertThat(callbacks.get(callback.getId()).getState()).isEqualTo(CallbackState.COMPLETED);
        assertThat(fixture.timelineTypes(contact)).endsWith("contact.completed");
        assertThat(fixture.timelineTypes(contact)).contains(CallbackTimeline.COMPLETED);
        assertThat(fixture.scheduledExecutions(callback.getId())).isEmpty();
    }

    @Test
    void aTaskEndedWithoutAnOutcomeReportCompletesTheCallback() {
        TaskQueue queue = fixture.queue(0);
        Agent agent = fixture.availableAgent(queue);
        Callback callback = callbacks.request(fixture.now(fixture.contact(), queue, 3, 60), "customer");
        fixture.routeAndAccept(callback.getTaskId());

        tasks.end(callback.getTaskId(), "agent:" + agent.getLogin());

        Callback done = callbacks.get(callback.getId());
        assertThat(done.getState()).isEqualTo(CallbackState.COMPLETED);
        assertThat(done.getEndReason()).isEqualTo("task-completed");
        assertThat(done.getLastOutcome()).isNull();
    }

    @Test
    void anOutcomeIsOnlyReportedWhileAnAgentDials() {
        TaskQueue queue = fixture.queue(0);
        Callback callback = callbacks.request(fixture.now(fixture.contact(), queue, 3, 60), "customer");

        assertThatThrownBy(() -> attempts.report(callback.getId(), "no-answer", "api"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo("callback.not_in_progress"));
        assertThatThrownBy(() -> attempts.report(callback.getId(), "voicemail", "api"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo("callback.outcome_invalid"));
        callbacks.cancel(callback.getId(), "test done", "admin");
    }

    @AfterEach
    void nothingLeaked() {
        CallbackLeakChecks.assertNothingLeaked(jdbc);
    }
}
