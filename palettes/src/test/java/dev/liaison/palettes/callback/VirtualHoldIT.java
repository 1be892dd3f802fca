package dev.liaison.palettes.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liaison.palettes.agent.Agent;
import dev.liaison.palettes.agent.AgentDirectory;
import dev.liaison.palettes.agent.AgentState;
import dev.liaison.palettes.routing.Reservation;
import dev.liaison.palettes.routing.ReservationRepository;
import dev.liaison.palettes.routing.ReservationStatus;
import dev.liaison.palettes.routing.RoutingLoop;
import dev.liaison.palettes.routing.Task;
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

/**
 * Virtual hold: a waiting customer who asks to be called back now keeps their place. Their task becomes the callback's
 * first attempt in place (same id, created_at and priority) and is served before contacts that arrived after them.
 */
@CallbackIntegrationTest
class VirtualHoldIT {

    @Autowired
    ApplicationContext context;

    @Autowired
    CallbackService callbacks;

    @Autowired
    TaskService tasks;

    @Autowired
    RoutingLoop routing;

    @Autowired
    ReservationRepository reservations;

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
    void theCustomerKeepsTheirPlaceAndIsServedBeforeThoseWhoArrivedLater() {
        TaskQueue queue = fixture.queue(0);
        UUID customer = fixture.contact();
        Task original = fixture.waitingTask(customer, queue, "chat", 5);
        clock.advance(Duration.ofSeconds(1));
        Task arrivedLater = fixture.waitingTask(fixture.contact(), queue, "chat", 5);
        clock.advance(Duration.ofSeconds(1));

        Callback callback = callbacks.request(hold(customer, original.getId()), "customer");
        clock.advance(Duration.ofSeconds(1));
        Task arrivedAfterTheRequest = fixture.waitingTask(fixture.contact(), queue, "voice", 5);

        assertThat(callback.getState()).isEqualTo(CallbackState.QUEUED);
        assertThat(callback.isVirtualHold()).isTrue();
        assertThat(callback.getTaskId()).isEqualTo(original.getId());
        assertThat(callback.getQueueName()).isEqualTo(queue.getName());
        assertThat(callback.getPriority()).isEqualTo(5);
        assertThat(callback.getAttempts()).isEqualTo(1);
        Task converted = tasks.get(original.getId());
        assertThat(converted.getChannel()).isEqualTo("callback");
        assertThat(converted.getStatus()).isEqualTo(TaskStatus.PENDING);
        assertThat(converted.getCreatedAt()).isEqualTo(original.getCreatedAt());
        assertThat(converted.getPriority()).isEqualTo(5);
        assertThat(converted.getAttributes())
                .containsEntry("topic", "billing")
                .containsEntry("callbackTarget", "phone")
                .containsEntry("callbackPhone", "+14155550100")
                .containsEntry("callbackId", callback.getId().toString());
        assertThat(fixture.tasksOf(customer)).containsExactly(original.getId());

        Agent agent = fixture.availableAgent(queue);
        routing.routeUntilIdle();

        Reservation offer = reservations
                .findByTaskIdAndStatus(original.getId(), ReservationStatus.PENDING)
                .orElseThrow(() -> new AssertionError("the callback was not offered first"));
        assertThat(offer.getAgentId()).isEqualTo(agent.getId());
        assertThat(reservations.findByTaskIdAndStatus(arrivedLater.getId(), ReservationStatus.PENDING))
                .isEmpty();
        assertThat(reservations.findByTaskIdAndStatus(arrivedAfterTheRequest.getId(), ReservationStatus.PENDING))
                .isEmpty();

        fixture.routeAndAccept(original.getId());
        assertThat(callbacks.get(callback.getId()).getState()).isEqualTo(CallbackState.IN_PROGRESS);
        assertThat(fixture.timelineTypes(customer))
                .containsSubsequence(
                        "contact.queued",
                        CallbackTimeline.REQUESTED,
                        "routing.converted_to_callback",
                        CallbackTimeline.QUEUED,
                        "routing.offered",
                        CallbackTimeline.DIALING);

        callbacks.cancel(callback.getId(), "test done", "admin");
        tasks.cancel(arrivedLater.getId(), "test done", "api");
        tasks.cancel(arrivedAfterTheRequest.getId(), "test done", "api");
    }

    @Test
    void aTaskBeingOfferedBecomesACallbackAndWaitsAgainInItsPlace() {
        TaskQueue queue = fixture.queue(0);
        Agent agent = fixture.availableAgent(queue);
        UUID customer = fixture.contact();
        Task original = fixture.waitingTask(customer, queue, "voice", 0);
        routing.routeUntilIdle();
        assertThat(tasks.get(original.getId()).getStatus()).isEqualTo(TaskStatus.RESERVED);

        Callback callback = callbacks.request(hold(customer, original.getId()), "customer");

        assertThat(reservations.findByTaskIdAndStatus(original.getId(), ReservationStatus.PENDING))
                .isEmpty();
        assertThat(agents.get(agent.getId()).getState()).isEqualTo(AgentState.AVAILABLE);
        Task converted = tasks.get(original.getId());
        assertThat(converted.getStatus()).isEqualTo(TaskStatus.PENDING);
        assertThat(converted.getChannel()).isEqualTo("callback");
        assertThat(converted.getCreatedAt()).isEqualTo(original.getCreatedAt());

        fixture.routeAndAccept(original.getId());
        assertThat(callbacks.get(callback.getId()).getState()).isEqualTo(CallbackState.IN_PROGRESS);
        callbacks.cancel(callback.getId(), "test done", "admin");
    }

    @Test
    void aScheduledCallbackInsteadOfWaitingTakesTheTaskOutOfTheQueue() {
        TaskQueue queue = fixture.queue(0);
        UUID customer = fixture.contact();
        Task original = fixture.waitingTask(customer, queue, "chat", 7);

        Callback callback = callbacks.request(
                new CallbackRequest(
                        customer,
                        null,
                        null,
                        clock.instant().plus(Duration.ofHours(1)).toString(),
                        "in-app",
                        null,
                        null,
                        null,
                        original.getId(),
                        null),
                "customer");

        assertThat(callback.getState()).isEqualTo(CallbackState.SCHEDULED);
        assertThat(callback.isVirtualHold()).isFalse();
        assertThat(callback.getQueueName()).isEqualTo(queue.getName());
        assertThat(callback.getPriority()).isEqualTo(7);
        assertThat(tasks.get(original.getId()).getStatus()).isEqualTo(TaskStatus.CANCELED);
        assertThat(tasks.get(original.getId()).getEndReason()).isEqualTo("callback-scheduled");
        callbacks.cancel(callback.getId(), "test done", "admin");
    }

    @Test
    void onlyTheContactsOwnWaitingTaskCanBeReplaced() {
        TaskQueue queue = fixture.queue(0);
        UUID customer = fixture.contact();
        Task someoneElses = fixture.waitingTask(fixture.contact(), queue, "chat", 0);

        assertThatThrownBy(() -> callbacks.request(hold(customer, someoneElses.getId()), "customer"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("callback.replaced_task_unknown");
                    assertThat(e.properties()).containsEntry("field", "replacesTaskId");
                });

        Task own = fixture.waitingTask(customer, queue, "chat", 0);
        Callback callback = callbacks.request(hold(customer, own.getId()), "customer");
        assertThatThrownBy(() -> callbacks.request(hold(customer, own.getId()), "customer"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo("callback.already_requested"));

        callbacks.cancel(callback.getId(), "test done", "admin");
        tasks.cancel(someoneElses.getId(), "test done", "api");
    }

    private static CallbackRequest hold(UUID customer, UUID taskId) {
        return new CallbackRequest(customer, null, null, "now", "phone", "+14155550100", null, null, taskId, null);
    }

    @AfterEach
    void nothingLeaked() {
        CallbackLeakChecks.assertNothingLeaked(jdbc);
    }
}
