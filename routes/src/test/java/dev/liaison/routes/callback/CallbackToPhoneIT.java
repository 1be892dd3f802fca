package dev.liaison.routes.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.liaison.gateway.sip.Sipp;
import dev.liaison.palettes.callback.AttemptOutcome;
import dev.liaison.palettes.callback.Callback;
import dev.liaison.palettes.callback.CallbackState;
import dev.liaison.palettes.context.TimelineEvent;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Phone callbacks through the running application: an agent accepts the attempt, the routes place the call through
 * the callback trunk to SIPp, and the call's outcome completes the callback or schedules the next attempt.
 */
class CallbackToPhoneIT extends CallbackDialingITSupport {

    @Test
    void theCustomerAnswersThePhoneAndTheCallbackCompletes() throws Exception {
        String queue = queueWithAnAgent();
        UUID contact = contact();
        try (Sipp phone = pbx("uas-answer-await-bye.xml")) {
            Callback callback = requestNow(contact, queue, "phone", US_NUMBER, 3);

            agentAcceptsCurrentAttempt(callback.getId());
            Callback completed = awaitState(callback.getId(), CallbackState.COMPLETED);

            assertThat(completed.getLastOutcome()).isEqualTo(AttemptOutcome.ANSWERED);
            assertThat(b2bua.activeCallIds()).as("the answered call stays up").hasSize(1);
            agentEnds(completed);
            phone.assertScenarioCompleted();
        }
        await("the end of the call is on the timeline").atMost(WAIT).untilAsserted(() -> assertThat(
                        timelineTypes(contact))
                .containsSubsequence(
                        "callback.dialing",
                        "callback.ringing",
                        "callback.answered",
                        "callback.completed",
                        "callback.call_ended"));
        // SIPp sends 180 and 200 back to back: the gateway may see the answer first, so ringing is checked in the
        // no-answer flow
        TimelineEvent answered = timelineOf(contact, "callback.answered").get(0);
        assertThat(answered.details()).containsEntry("via", "phone");
    }

    @Test
    void aBusyLineIsRetriedAfterTheDelayAndFailsWhenAttemptsRunOut() throws Exception {
        String queue = queueWithAnAgent();
        UUID contact = contact();
        Callback callback;
        try (Sipp phone = pbx("uas-busy.xml")) {
            callback = requestNow(contact, queue, "phone", US_NUMBER, 2);
            agentAcceptsCurrentAttempt(callback.getId());
            Callback retrying = awaitState(callback.getId(), CallbackState.RETRY_SCHEDULED);
            assertThat(retrying.getLastOutcome()).isEqualTo(AttemptOutcome.BUSY);
            assertThat(retrying.getNextAttemptAt()).isNotNull();
            phone.assertScenarioCompleted();
        }
        try (Sipp phone = pbx("uas-busy.xml")) {
            agentAcceptsCurrentAttempt(callback.getId());
            Callback failed = awaitState(callback.getId(), CallbackState.FAILED);
            assertThat(failed.getAttempts()).isEqualTo(2);
            assertThat(failed.getEndReason()).isEqualTo("attempts-exhausted");
            assertThat(failed.getLastOutcome()).isEqualTo(AttemptOutcome.BUSY);
            phone.assertScenarioCompleted();
        }
        assertThat(timelineTypes(contact))
                .containsSubsequence(
                        "callback.dialing",
                        "callback.call_ended",
                        "callback.attempt_failed",
                        "callback.queued",
                        "callback.dialing",
                        "callback.call_ended",
                        "callback.attempt_failed",
                        "callback.failed");
        assertThat(timelineOf(contact, "callback.attempt_failed"))
                .allSatisfy(e -> assertThat(e.details()).containsEntry("outcome", "busy"));
        assertThat(timelineOf(contact, "callback.call_ended").get(0).details()).containsEntry("reason", "busy");
    }

    @Test
    void aPhoneThatRingsUntilTheAnswerTimeoutIsNoAnswer() throws Exception {
        String queue = queueWithAnAgent();
        UUID contact = contact();
        try (Sipp phone = pbx("uas-ring-await-cancel.xml")) {
            Callback callback = requestNow(contact, queue, "phone", US_NUMBER, 1);

            agentAcceptsCurrentAttempt(callback.getId());
            Callback failed = awaitState(callback.getId(), CallbackState.FAILED);

            assertThat(failed.getLastOutcome()).isEqualTo(AttemptOutcome.NO_ANSWER);
            phone.assertScenarioCompleted();
        }
        assertThat(timelineTypes(contact))
                .containsSubsequence("callback.ringing", "callback.call_ended", "callback.attempt_failed");
        assertThat(timelineOf(contact, "callback.ringing").get(0).details()).containsEntry("via", "phone");
        assertThat(timelineOf(contact, "callback.attempt_failed").get(0).details())
                .containsEntry("outcome", "no-answer");
    }

    @Test
    void aNumberOutsideTheAllowedTargetsIsNeverDialedAndTheAttemptFails() {
        String queue = queueWithAnAgent();
        UUID contact = contact();
        int bridgesBefore = media.opened();
        Callback callback = requestNow(contact, queue, "phone", "+4930123456789", 1);

        agentAcceptsCurrentAttempt(callback.getId());
        Callback failed = awaitState(callback.getId(), CallbackState.FAILED);

        assertThat(failed.getLastOutcome()).isEqualTo(AttemptOutcome.FAILED);
        assertThat(media.opened()).as("no call was set up").isEqualTo(bridgesBefore);
        assertThat(timelineOf(contact, "callback.not_dialed").get(0).details())
                .containsEntry("reason", "forbidden-target");
    }
}
