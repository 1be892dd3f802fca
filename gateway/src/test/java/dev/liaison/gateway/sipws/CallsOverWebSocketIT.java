package dev.liaison.gateway.sipws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.liaison.gateway.call.CallLeg;
import dev.liaison.gateway.call.CallRequest;
import dev.liaison.gateway.call.EndReason;
import dev.liaison.gateway.call.LegState;
import dev.liaison.gateway.call.MediaMode;
import dev.liaison.gateway.client.it.AnsweringCallRequests;
import dev.liaison.gateway.client.it.TestLegListener;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Calls over {@code /ws/sip}: a registered client's INVITE becomes a call of the call layer (answered by the
 * {@link AnsweringCallRequests} double), and a call to a registered user rings the client; both end with a BYE.
 */
class CallsOverWebSocketIT extends SipWsITSupport {

    @Autowired
    WsSipLegProvider legProvider;

    @Test
    void unauthenticatedInviteIsChallengedWith407() {
        try (SipWsTestClient client = SipWsTestClient.connect(port)) {
            String callId = UUID.randomUUID().toString();
            client.send(invite(client, callId, null));
            String reply = client.response(407);
            assertThat(SipWsTestClient.header(reply, "Proxy-Authenticate")).contains("nonce=");
            client.send(ack(client, callId, SipWsTestClient.param(SipWsTestClient.header(reply, "To"), "tag"), 1));
            assertThat(calls.received()).isEmpty();
        }
    }

    @Test
    void registeredClientCallsIsAnsweredAndHangsUp() {
        try (SipWsTestClient client = SipWsTestClient.connect(port)) {
            assertThat(client.registerWith("alice", "secret", 600)).startsWith("SIP/2.0 200");
            String callId = UUID.randomUUID().toString();
            client.send(invite(client, callId, null));
            assertThat(client.next()).startsWith("SIP/2.0 100");
            assertThat(client.next()).startsWith("SIP/2.0 180");
            String ok = client.response(200);
            assertThat(ok).contains(AnsweringCallRequests.ANSWER_SDP).contains("transport=ws");
            String toTag = SipWsTestClient.param(SipWsTestClient.header(ok, "To"), "tag");
            client.send(ack(client, callId, toTag, 1));

            CallRequest request = calls.last().request();
            assertThat(request.destination()).isEqualTo("support");
            assertThat(request.sdpOffer()).contains(OFFER);
            assertThat(calls.last().leg().remoteIdentity()).isEqualTo("sip:alice@test.invalid");

            client.send(inDialog(client, "BYE", callId, toTag, 2));
            assertThat(client.next()).startsWith("SIP/2.0 200");
            await().untilAsserted(
                            () -> assertThat(calls.last().events().events()).contains("ended:normal"));
        }
    }

    @Test
    void clientCancelsItsCallBeforeTheAnswer() {
        calls.answerImmediately(false);
        try (SipWsTestClient client = SipWsTestClient.connect(port)) {
            client.registerWith("alice", "secret", 600);
            String callId = UUID.randomUUID().toString();
            client.send(invite(client, callId, null));
            client.response(180);
            client.send(inDialog(client, "CANCEL", callId, null, 1));
            assertThat(client.next()).startsWith("SIP/2.0 200").contains("CSeq: 1 CANCEL");
            assertThat(client.next()).startsWith("SIP/2.0 487");
            await().untilAsserted(
                            () -> assertThat(calls.last().events().events()).contains("ended:cancelled"));
        } finally {
            calls.answerImmediately(true);
        }
    }

    @Test
    void callToARegisteredUserRingsTheClientAndIsHungUpByTheGateway() {
        try (SipWsTestClient client = SipWsTestClient.connect(port)) {
            client.registerWith("alice", "secret", 600);
            CallLeg leg = legProvider
                    .createOutbound(
                            "ws-sip:alice",
                            "call-1",
                            new CallRequest(
                                    "alice",
                                    Optional.empty(),
                                    MediaMode.AUDIO,
                                    Optional.empty(),
                                    Map.of("from", "pbx")))
                    .orElseThrow();
            TestLegListener events = new TestLegListener();
            leg.setListener(events);
            leg.start(Optional.of(OFFER));

            String invite = client.next();
            assertThat(invite)
                    .startsWith("INVITE " + client.contact + " SIP/2.0")
                    .contains(OFFER);
            assertThat(SipWsTestClient.header(invite, "Via")).startsWith("SIP/2.0/WS ");
            client.send(SipWsTestClient.responseTo(invite, "180 Ringing", "ab12", null));
            client.send(SipWsTestClient.responseTo(invite, "200 OK", "ab12", OFFER));
            assertThat(client.next()).startsWith("ACK ");
            await().untilAsserted(() -> assertThat(events.events()).contains("ringing", "answered:" + OFFER));
            assertThat(leg.state()).isEqualTo(LegState.ANSWERED);

            leg.hangUp(EndReason.NORMAL);
            String bye = client.next();
            assertThat(bye).startsWith("BYE ").contains("tag=ab12");
            client.send(SipWsTestClient.responseTo(bye, "200 OK", null, null));
            assertThat(events.events()).contains("ended:normal");
        }
    }

    @Test
    void callToAnUnregisteredUserHasNoLeg() {
        assertThat(legProvider.createOutbound(
                        "ws-sip:alice",
                        "call-2",
                        new CallRequest("alice", Optional.empty(), MediaMode.AUDIO, Optional.empty(), Map.of())))
                .isEmpty();
    }

    @Test
    void closingTheConnectionEndsTheCall() {
        SipWsTestClient client = SipWsTestClient.connect(port);
        client.registerWith("alice", "secret", 600);
        String callId = UUID.randomUUID().toString();
        client.send(invite(client, callId, null));
        String ok = client.response(200);
        client.send(ack(client, callId, SipWsTestClient.param(SipWsTestClient.header(ok, "To"), "tag"), 1));
        client.close();
        await().untilAsserted(() -> assertThat(calls.last().events().events()).contains("ended:connection-lost"));
    }

    private static String invite(SipWsTestClient client, String callId, String authorization) {
        return "INVITE sip:support@test.invalid SIP/2.0\r\n"
                + "Via: SIP/2.0/WSS df7jal23ls0d.invalid;branch=z9hG4bKinv" + callId.substring(0, 8) + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "To: <sip:support@test.invalid>\r\n"
                + "From: <sip:alice@test.invalid>;tag=" + client.fromTag + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Contact: <" + client.contact + ">\r\n"
                + (authorization == null ? "" : authorization + "\r\n")
                + "Content-Type: application/sdp\r\n"
                + "Content-Length: " + OFFER.length() + "\r\n\r\n" + OFFER;
    }

    private static String ack(SipWsTestClient client, String callId, String toTag, int cseq) {
        return inDialog(client, "ACK", callId, toTag, cseq);
    }

    private static String inDialog(SipWsTestClient client, String method, String callId, String toTag, int cseq) {
        String branch = method.equals("CANCEL") ? "z9hG4bKinv" + callId.substring(0, 8) : "z9hG4bK" + UUID.randomUUID();
        return method + " sip:support@test.invalid SIP/2.0\r\n"
                + "Via: SIP/2.0/WSS df7jal23ls0d.invalid;branch=" + branch + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "To: <sip:support@test.invalid>" + (toTag == null ? "" : ";tag=" + toTag) + "\r\n"
                + "From: <sip:alice@test.invalid>;tag=" + client.fromTag + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " " + method + "\r\n"
                + "Content-Length: 0\r\n\r\n";
    }
}
