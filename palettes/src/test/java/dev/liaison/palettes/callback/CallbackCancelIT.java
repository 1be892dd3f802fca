package dev.liaison.palettes.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liaison.palettes.agent.Agent;
import dev.liaison.palettes.agent.AgentDirectory;
import dev.liaison.palettes.agent.AgentState;
import dev.liaison.palettes.routing.ReservationRepository;
import dev.liaison.palettes.routing.ReservationStatus;
import dev.liaison.palettes.routing.RoutingLoop;
import dev.liaison.palettes.routing.TaskQueue;
import dev.liaison.palettes.routing.TaskService;
import dev.liaison.palettes.routing.TaskStatus;
import dev.liaison.palettes.support.MutableTestClock;
import dev.liaison.palettes.web.ApiException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Canceling a callback in any state before it completes removes what it holds: its schedule, its task, its agent. */
@CallbackIntegrationTest
class CallbackCancelIT {

    @Autowired
    ApplicationContext context;

    @Autowired
    CallbackService callbacks;

    @Autowired
    CallbackAttempts attempts;

    @Autowired
    CallbackDispatcher dispatcher;

    @Autowired
    TaskService tasks;

    @Autowired
    AgentDirectory agents;

    @Autowired
    RoutingLoop routing;

    @Autowired
    ReservationRepository reservations;

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
    void cancelingAScheduledCallbackRemovesItsPendingExecution() {
        TaskQueue queue = fixture.queue(0);
        UUID contact = fixture.contact();
        Callback callback =
                callbacks.request(fixture.at(contact, queue, clock.instant().plus(Duration.ofHours(2))), "customer");
        assertThat(fixture.scheduledExecutions(callback.getId())).hasSize(1);

        Callback canceled = callbacks.cancel(callback.getId(), "customer hung up", "customer");

        assertThat(canceled.getState()).isEqualTo(CallbackState.CANCELED);
        assertThat(canceled.getEndReason()).isEqualTo("customer hung up");
        assertThat(fixture.scheduledExecutions(callback.getId())).isEmpty();
        // an execution that was already running when the cancel committed finds nothing to do
        assertThat(dispatcher.fireDue(CallbackSchedule.instanceId(callback.getId(), 1)))
                .isFalse();
        assertThat(fixture.tasksOf(contact)).isEmpty();
        assertThat(fixture.timelineTypes(contact)).endsWith(CallbackTimeline.CANCELED);
    }

    @Test
    void cancelingAQueuedCallbackTakesItsTaskOutOfTheQueue() {
        TaskQueue queue = fixture.queue(0);
        Callback callback = callbacks.request(fixture.now(fixture.contact(), queue, 3, 60), "customer");

        callbacks.cancel(callback.getId(), null, "admin");

        assertThat(callbacks.get(callback.getId()).getState()).isEqualTo(CallbackState.CANCELED);
        assertThat(tasks.get(callback.getTaskId()).getStatus()).isEqualTo(TaskStatus.CANCELED);
        Agent agent = fixture.availableAgent(queue);
        routing.routeUntilIdle();
        assertThat(agents.get(agent.getId()).getState()).isEqualTo(AgentState.AVAILABLE);
    }

    @Test
    void cancelingAnOfferedCallbackWithdrawsTheOffer() {
        TaskQueue queue = fixture.queue(0);
        Agent agent = fixture.availableAgent(queue);
        Callback callback = callbacks.request(fixture.now(fixture.contact(), queue, 3, 60), "customer");
        routing.routeUntilIdle();
        assertThat(tasks.get(callback.getTaskId()).getStatus()).isEqualTo(TaskStatus.RESERVED);

        callbacks.cancel(callback.getId(), null, "customer");

        assertThat(tasks.get(callback.getTaskId()).getStatus()).isEqualTo(TaskStatus.CANCELED);
        assertThat(reservations.findByTaskIdAndStatus(callback.getTaskId(), ReservationStatus.PENDING))
                .isEmpty();
        assertThat(agents.get(agent.getId()).getState()).isEqualTo(AgentState.AVAILABLE);
    }

    @Test
    void cancelingWhileAnAgentDialsEndsTheTaskAndFreesTheAgent() {
        TaskQueue queue = fixture.queue(0);
        Agent agent = fixture.availableAgent(queue);
        Callback callback = callbacks.request(fixture.now(fixture.contact(), queue, 3, 60), "customer");
        fixture.routeAndAccept(callback.getTaskId());
        assertThat(agents.get(agent.getId()).getState()).isEqualTo(AgentState.BUSY);

        callbacks.cancel(callback.getId(), null, "customer");

        assertThat(callbacks.get(callback.getId()).getState()).isEqualTo(CallbackState.CANCELED);
        assertThat(tasks.get(callback.getTaskId()).getStatus()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(agents.get(agent.getId()).getState()).isEqualTo(AgentState.AVAILABLE);
    }

    @Test
    void cancelingARetryScheduledCallbackRemovesItsNextAttempt() {
        TaskQueue queue = fixture.queue(0);
        fixture.availableAgent(queue);
        Callback callback = callbacks.request(fixture.now(fixture.contact(), queue, 3, 60), "customer");
        fixture.routeAndAccept(callback.getTaskId());
        attempts.report(callback.getId(), "no-answer", "api");
        assertThat(fixture.scheduledExecutions(callback.getId()))
                .containsExactly(CallbackSchedule.instanceId(callback.getId(), 2));

        callbacks.cancel(callback.getId(), null, "customer");

        assertThat(fixture.scheduledExecutions(callback.getId())).isEmpty();
        assertThat(callbacks.get(callback.getId()).getState()).isEqualTo(CallbackState.CANCELED);
    }

    @Test
    void aCallbackWhoseTaskIsCanceledIsCanceledWithIt() {
        TaskQueue queue = fixture.queue(0);
        Callback callback = callbacks.request(fixture.now(fixture.contact(), queue, 3, 60), "customer");

        tasks.cancel(callback.getTaskId(), "abandoned", "api");

        Callback canceled = callbacks.get(callback.getId());
        assertThat(canceled.getState()).isEqualTo(CallbackState.CANCELED);
        assertThat(canceled.getEndReason()).isEqualTo("task-canceled: abandoned");
    }

    @Test
    void aCompletedCallbackIsNotCancelable() {
        TaskQueue queue = fixture.queue(0);
        fixture.availableAgent(queue);
        Callback callback = callbacks.request(fixture.now(fixture.contact(), queue, 3, 60), "customer");
        fixture.routeAndAccept(callback.getTaskId());
        attempts.report(callback.getId(), "answered", "api");

        assertThatThrownBy(() -> callbacks.cancel(callback.getId(), null, "customer"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("callback.not_cancelable");
                    assertThat(e.status().value()).isEqualTo(409);
                });
        tasks.end(callback.getTaskId(), "api");
    }

    @AfterEach
    void nothingLeaked() {
        CallbackLeakChecks.assertNothingLeaked(jdbc);
    }
}
