package dev.liaison.routes.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liaison.gateway.client.it.ProtocolTestClient;
import dev.liaison.gateway.sip.Sipp;
import dev.liaison.palettes.callback.AttemptOutcome;
import dev.liaison.palettes.callback.Callback;
import dev.liaison.palettes.callback.CallbackState;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * In-app callbacks through the running application: the customer's page, online on {@code /ws/client} under the
 * callback's correlation ID, gets the incoming call; offline, the phone number is called instead.
 */
class CallbackInAppIT extends CallbackDialingITSupport {

    private static final String PAGE_ANSWER = "v=0\r\no=page 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\n"
            + "t=0 0\r\nm=audio 40002 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=inactive\r\n";

    @Test
    void theOnlineCustomerIsRungInThePageAnswersAndTheCallbackCompletes() {
        String queue = queueWithAnAgent();
        UUID contact = contact();
        try (ProtocolTestClient page = customerPageOnline(contact)) {
            Callback callback = requestNow(contact, queue, "in-app", null, 3);

            agentAcceptsCurrentAttempt(callback.getId());
            JsonNode incoming = page.next("incoming-call");
            assertThat(incoming.path("from").asText()).isEqualTo("Callback");
            assertThat(incoming.path("sdp").asText()).contains("m=audio").contains("a=inactive");
            String callId = incoming.path("callId").asText();
            page.send("answer", "a1", m -> m.put("callId", callId).put("sdp", PAGE_ANSWER));

            Callback completed = awaitState(callback.getId(), CallbackState.COMPLETED);
            assertThat(completed.getLastOutcome()).isEqualTo(AttemptOutcome.ANSWERED);
            agentEnds(completed);
            assertThat(page.next("ended").path("reason").asText()).isEqualTo("normal");
            page.endSession();
        }
        await("the end of the call is on the timeline").atMost(WAIT).untilAsserted(() -> assertThat(
                        timelineTypes(contact))
                .containsSubsequence(
                        "callback.dialing",
                        "callback.ringing",
                        "callback.answered",
                        "callback.completed",
                        "callback.call_ended"));
        assertThat(timelineOf(contact, "callback.answered").get(0).details()).containsEntry("via", "in-app");
    }

    @Test
    void anOfflineCustomerWithAPhoneNumberIsCalledOnThePhone() throws Exception {
        String queue = queueWithAnAgent();
        UUID contact = contact();
        try (Sipp phone = pbx("uas-answer-await-bye.xml")) {
            Callback callback = requestNow(contact, queue, "in-app", US_NUMBER, 3);

            agentAcceptsCurrentAttempt(callback.getId());
            Callback completed = awaitState(callback.getId(), CallbackState.COMPLETED);

            agentEnds(completed);
            phone.assertScenarioCompleted();
        }
        assertThat(timelineTypes(contact))
                .containsSubsequence(
                        "callback.dialing", "callback.phone_fallback", "callback.answered", "callback.completed");
        assertThat(timelineOf(contact, "callback.answered").get(0).details()).containsEntry("via", "phone");
    }

    @Test
    void anOfflineCustomerWithoutAPhoneNumberFailsTheAttemptWithTheReason() {
        String queue = queueWithAnAgent();
        UUID contact = contact();
        Callback callback = requestNow(contact, queue, "in-app", null, 1);

        agentAcceptsCurrentAttempt(callback.getId());
        Callback failed = awaitState(callback.getId(), CallbackState.FAILED);

        assertThat(failed.getLastOutcome()).isEqualTo(AttemptOutcome.FAILED);
        assertThat(timelineOf(contact, "callback.not_dialed").get(0).details())
                .containsEntry("reason", "customer-offline");
    }
}
