package dev.liaison.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.gateway.call.EndReason;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The TLS listening point (RFC 3261 26.2, port 5061 in production) configured from a key store generated at test
 * time: OPTIONS and an answered call over TLS, from a JDK {@code SSLSocket} far end (Debian's SIPp has no TLS).
 */
class TlsListeningPointIT {

    private static final String SDP = SipTestData.sdp("sendrecv", 40010);

    @Test
    void optionsOverTlsIsAnswered() throws Exception {
        TestKeyStore keys = TestKeyStore.generate();
        try (SipTrunkFixture trunk = SipTrunkFixture.start(tlsProperties(keys));
                RawSipTlsClient client = new RawSipTlsClient(keys.clientContext(), trunk.host.tlsPort())) {
            String callId = UUID.randomUUID() + "@127.0.0.1";
            client.send("OPTIONS sip:liaison@127.0.0.1:" + trunk.host.tlsPort() + ";transport=tls SIP/2.0\n"
                    + "Via: " + client.via() + "\n"
                    + "From: <sip:probe@127.0.0.1>;tag=p1\n"
                    + "To: <sip:liaison@127.0.0.1>\n"
                    + "Call-ID: " + callId + "\n"
                    + "CSeq: 1 OPTIONS\n"
                    + "Max-Forwards: 70\n"
                    + "Content-Length: 0\n\n");
            String ok = client.readResponse(200);
            assertThat(RawSipTlsClient.header(ok, "Allow")).contains("INVITE", "PRACK", "UPDATE");
            assertThat(client.protocol()).startsWith("TLS");
            client.close();
            trunk.assertNoLeaks();
        }
    }

    @Test
    void callOverTlsIsAnsweredAndHungUp() throws Exception {
        TestKeyStore keys = TestKeyStore.generate();
        try (SipTrunkFixture trunk = SipTrunkFixture.start(tlsProperties(keys))) {
            trunk.callRequests.reactWith((leg, request) -> leg.answer(SipTestData.ANSWER));
            try (RawSipTlsClient client = new RawSipTlsClient(keys.clientContext(), trunk.host.tlsPort())) {
                String callId = UUID.randomUUID() + "@127.0.0.1";
                String from = "From: <sip:caller@127.0.0.1>;tag=c1\n";
                String contact = "Contact: <sip:caller@127.0.0.1:" + client.localPort() + ";transport=tls>\n";
                client.send("INVITE sip:support@127.0.0.1:" + trunk.host.tlsPort() + ";transport=tls SIP/2.0\n"
                        + "Via: " + client.via() + "\n"
                        + from
                        + "To: <sip:support@127.0.0.1>\n"
                        + "Call-ID: " + callId + "\n"
                        + "CSeq: 1 INVITE\n"
                        + contact
                        + "Max-Forwards: 70\n"
                        + "Content-Type: application/sdp\n"
                        + "Content-Length: " + SDP.length() + "\n\n"
                        + SDP);
                String ok = client.readResponse(200);
                assertThat(RawSipTlsClient.contactUri(ok))
                        .as("our Contact names the TLS port")
                        .contains(":" + trunk.host.tlsPort())
                        .contains("transport=tls");
                String to = "To: <sip:support@127.0.0.1>;tag=" + RawSipTlsClient.toTag(ok) + "\n";
                String target = RawSipTlsClient.contactUri(ok);
                client.send("ACK " + target + " SIP/2.0\n"
                        + "Via: " + client.via() + "\n"
                        + from + to
                        + "Call-ID: " + callId + "\n"
                        + "CSeq: 1 ACK\n"
                        + "Max-Forwards: 70\n"
                        + "Content-Length: 0\n\n");
                RecordingCallRequests.Incoming call = trunk.callRequests.awaitCall();
                client.send("BYE " + target + " SIP/2.0\n"
                        + "Via: " + client.via() + "\n"
                        + from + to
                        + "Call-ID: " + callId + "\n"
                        + "CSeq: 2 BYE\n"
                        + "Max-Forwards: 70\n"
                        + "Content-Length: 0\n\n");
                client.readResponse(200);
                assertThat(call.listener().await("ended").reason()).isEqualTo(EndReason.NORMAL);
                assertThat(call.request().sdpOffer()).hasValue(SDP);
            }
            trunk.assertNoLeaks();
        }
    }

    private static SipProperties tlsProperties(TestKeyStore keys) throws Exception {
        return SipTrunkFixture.properties(List.of("127.0.0.1"), java.time.Duration.ofSeconds(30))
                .withTls(Sipp.freePort(), keys.path.toString(), keys.password);
    }
}
