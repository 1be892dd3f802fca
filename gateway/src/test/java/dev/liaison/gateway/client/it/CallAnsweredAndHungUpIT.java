package dev.liaison.gateway.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liaison.gateway.call.MediaMode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallAnsweredAndHungUpIT extends ClientProtocolITSupport {

    @Test
    void aClientCallsAnAllowedDestinationIsAnsweredUsesTheCallAndHangsUp() {
        ProtocolTestClient browser = connect();
        JsonNode session = browser.authenticateAndStart(token(), Optional.empty());

        browser.send("call", "call-1", m -> m.put("destination", "support")
                .put("media", "video-one-way")
                .put("sdp", OFFER));
        JsonNode calling = browser.next("calling");
        String callId = calling.get("callId").asText();
        assertThat(calling.get("id").asText()).isEqualTo("call-1");
        assertThat(browser.next("ringing").get("callId").asText()).isEqualTo(callId);
        assertThat(browser.next("answered").get("sdp").asText()).isEqualTo(AnsweringCallRequests.ANSWER_SDP);

        AnsweringCallRequests.Received received = callLayer.last();
        assertThat(received.request().destination()).isEqualTo("support");
        assertThat(received.request().mode()).isEqualTo(MediaMode.VIDEO_ONE_WAY);
        assertThat(received.request().sdpOffer()).contains(OFFER);
        assertThat(received.request().correlationId())
                .contains(session.get("correlationId").asText());
        assertThat(received.request().attributes())
                .containsEntry("client.subject", "visitor-1")
                .containsEntry("client.site", "acme");
        assertThat(received.leg().remoteIdentity())
                .isEqualTo(session.get("sessionId").asText());

        browser.send("hold", "hold-1", m -> m.put("callId", callId).put("sdp", OFFER));
        assertThat(browser.next("media-answer").get("callId").asText()).isEqualTo(callId);
        browser.send("mute", "mute-1", m -> m.put("callId", callId)
                .put("audioMuted", true)
                .put("videoMuted", false));
        browser.send("dtmf", "dtmf-1", m -> m.put("callId", callId).put("digits", "4#"));
        await().until(() -> received.events().events().contains("dtmf:#"));
        assertThat(received.events().events()).containsSubsequence("media-offer", "mute:true,false", "dtmf:4");

        browser.send("hangup", "bye-1", m -> m.put("callId", callId));
        JsonNode ended = browser.next("ended");
        assertThat(ended.get("reason").asText()).isEqualTo("normal");
        await().until(() -> received.events().events().contains("ended:normal"));

        browser.send("hangup", "bye-2", m -> m.put("callId", callId));
        assertThat(browser.next("error").get("code").asText()).isEqualTo("no-such-call");
        browser.endSession();
    }
}
