package dev.liaison.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.liaison.gateway.call.CallLeg;
import dev.liaison.gateway.call.EndReason;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The trunk behind a SIP provider: every outbound request goes through the configured outbound proxy with a loose
 * Route (SIPp as the proxy), and the trunk registers with a registrar (SIPp as the registrar): digest challenge,
 * refresh at half the lifetime, retry with backoff after a failure, un-REGISTER on stop, state in a gauge.
 */
class OutboundProxyAndRegistrationIT {

    @Test
    void callToANumberGoesThroughTheOutboundProxyWithLooseRouting() throws Exception {
        try (Sipp proxy = Sipp.uasTcp("uas-proxy-record-route.xml");
                SipTrunkFixture trunk = SipTrunkFixture.start(SipTrunkFixture.properties(
                                List.of("127.0.0.1"), Duration.ofSeconds(30))
                        .withTrunkAccount("127.0.0.1:" + proxy.port + "/tcp", "", "", "", Duration.ofHours(1)))) {
            RecordingLegListener listener = new RecordingLegListener();
            CallLeg leg = trunk.legProvider()
                    .createOutbound("2001", "call-1", SipTestData.request())
                    .orElseThrow();
            leg.setListener(listener);
            leg.start(Optional.of(SipTestData.OFFER));
            listener.await("answered");
            leg.hangUp(EndReason.NORMAL);

            proxy.assertScenarioCompleted();
            assertThat(listener.await("ended").reason()).isEqualTo(EndReason.NORMAL);
            trunk.assertNoLeaks();
        }
    }

    @Test
    void trunkRegistersRefreshesRetriesAfterFailureAndUnregistersOnStop() throws Exception {
        try (Sipp registrar = Sipp.uasTcp("uas-registrar.xml")) {
            SipProperties properties = SipTrunkFixture.properties(List.of("127.0.0.1"), Duration.ofSeconds(30))
                    .withTrunkAccount(
                            "", "127.0.0.1:" + registrar.port + "/tcp", "trunkuser", "s3cret", Duration.ofSeconds(120));
            SipTrunkFixture trunk = SipTrunkFixture.start(properties);
            try {
                awaitState(trunk, Registration.State.REGISTERED);
                assertThat(registered(trunk, "registered")).isEqualTo(1.0);
                // Granted 60 s: the refresh is due at half of it.
                assertThat(trunk.timers.nextDue()).hasValue(Duration.ofSeconds(30));

                trunk.timers.advance(Duration.ofSeconds(30));
                awaitState(trunk, Registration.State.RETRY_WAIT);
                assertThat(registered(trunk, "retry-wait")).isEqualTo(1.0);
                assertThat(trunk.timers.nextDue()).hasValue(Duration.ofSeconds(5));

                trunk.timers.advance(Duration.ofSeconds(5));
                awaitState(trunk, Registration.State.REGISTERED);
                assertThat(trunk.meters
                                .get("liaison.sip.registration.attempts")
                                .tag("outcome", "failed")
                                .counter()
                                .count())
                        .isEqualTo(1.0);
                trunk.assertNoLeaks();
            } finally {
                trunk.close(); // un-REGISTER
            }
            registrar.assertScenarioCompleted();
            assertThat(trunk.host.registrationState()).isEmpty();
        }
    }

    private static void awaitState(SipTrunkFixture trunk, Registration.State state) {
        await("registration " + state)
                .atMost(Duration.ofSeconds(10))
                .until(() -> trunk.host.registrationState().equals(Optional.of(state)));
    }

    private static double registered(SipTrunkFixture trunk, String state) {
        return trunk.meters
                .get("liaison.sip.registration.state")
                .tag("state", state)
                .gauge()
                .value();
    }
}
