package dev.liaison.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.liaison.gateway.call.B2bua;
import dev.liaison.gateway.call.CallEvent;
import dev.liaison.gateway.call.CallEventListener;
import dev.liaison.gateway.call.CallProperties;
import dev.liaison.gateway.call.EndReason;
import dev.liaison.gateway.call.LegKind;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An INVITE with {@code Replaces} for an answered dialog of the gateway (RFC 3891), with SIPp on every side: X (SIPp
 * UAC) calls {@code y} through the trunk and is connected to Y (SIPp UAS); then Z (SIPp UAC, a new caller, e.g. a PBX
 * doing its own attended transfer) sends an INVITE whose {@code Replaces} names X's dialog with the gateway. Z takes X's
 * side: its offer goes through the call's bridge to Y (re-INVITE), Y's answer comes back to Z in the 200, X gets BYE;
 * then Z hangs up and Y gets the BYE.
 */
class InviteWithReplacesTakesOverACallThroughTheB2buaIT {

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final StampingMediaPort media = new StampingMediaPort();
    private final List<CallEvent> events = new CopyOnWriteArrayList<>();
    private volatile B2bua b2bua;

    @AfterEach
    void stop() throws InterruptedException {
        if (b2bua != null) {
            b2bua.close();
        }
        scheduler.shutdownNow();
        assertThat(scheduler.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void newCallerTakesOverTheSideItsReplacesNamesAndTheOldCallerGetsBye() throws Exception {
        try (SipTrunkFixture trunk = SipTrunkFixture.startWith(() -> b2bua);
                Sipp y = Sipp.uasTcp("uas-answer-take-reinvite-await-bye.xml")) {
            routeEveryCallTo(trunk, y);
            try (Sipp x = Sipp.uacTcp("uac-call-await-bye.xml", trunk.host.tcpPort(), "y")) {
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> events.stream().anyMatch(CallEvent.Answered.class::isInstance));
                String replaces = dialogOfTheCaller(trunk);
                try (Sipp z = Sipp.uac(
                        "uac-invite-replacing-then-hang-up.xml",
                        trunk.host.tcpPort(),
                        "y",
                        "-t",
                        "t1",
                        "-key",
                        "replaces",
                        replaces)) {
                    x.assertScenarioCompleted();
                    z.assertScenarioCompleted();
                    y.assertScenarioCompleted();
                    // Z's offer reached Y through the call's bridge, Y's answer reached Z through it.
                    assertThat(y.received("INVITE").get(1))
                            .contains("s=bridge-1")
                            .contains("2353687650");
                    assertThat(z.received("SIP/2.0 200").get(0))
                            .contains("s=bridge-1")
                            .contains("2353687660");
                }
            }
            assertThat(types()).filteredOn("call.incoming"::equals).hasSize(1);
            CallEvent.Transferred transferred = awaitEvent(CallEvent.Transferred.class);
            assertThat(transferred.newSideKind()).isEqualTo(LegKind.SIP);
            assertThat(transferred.target()).contains("replacer@");
            assertThat(transferred.joinedCallId()).isEmpty();
            assertThat(awaitEvent(CallEvent.Ended.class).reason()).isEqualTo(EndReason.NORMAL);
            assertThat(media.opened()).isEqualTo(1);
            assertNothingLeaked(trunk);
        }
    }

    /** X's dialog as the gateway sees it: its Call-ID, the gateway's tag as {@code to-tag}, X's as {@code from-tag}. */
    private static String dialogOfTheCaller(SipTrunkFixture trunk) {
        SipLeg leg = trunk.host.legs().all().stream()
                .filter(l -> l.direction() == SipLeg.Direction.INBOUND)
                .findFirst()
                .orElseThrow();
        synchronized (leg) {
            return leg.sipCallId() + ";to-tag=" + leg.localTag() + ";from-tag="
                    + leg.wire().dialog().getRemoteTag();
        }
    }

    private void routeEveryCallTo(SipTrunkFixture trunk, Sipp callee) {
        b2bua = new B2bua(
                new CallProperties(
                        10,
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(20),
                        16,
                        List.of("sip:service@127\\.0\\.0\\.1:\\d+;transport=tcp")),
                List.of(trunk.legProvider()),
                Optional.of(media),
                scheduler,
                Clock.systemUTC(),
                null);
        b2bua.addListener(new CallEventListener() {
            @Override
            public void onCallEvent(CallEvent event) {
                events.add(event);
                if (event instanceof CallEvent.Incoming incoming) {
                    b2bua.connect(incoming.callId(), LegKind.SIP, SipTrunkFixture.sippTcpUri(callee.port));
                }
            }

            @Override
            public boolean accepts(String eventType) {
                return true;
            }
        });
    }

    private <T extends CallEvent> T awaitEvent(Class<T> type) {
        await().atMost(Duration.ofSeconds(15)).until(() -> events.stream().anyMatch(type::isInstance));
        return events.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst()
                .orElseThrow();
    }

    private List<String> types() {
        return events.stream().map(CallEvent::type).toList();
    }

    private void assertNothingLeaked(SipTrunkFixture trunk) {
        await().atMost(Duration.ofSeconds(15)).until(() -> b2bua.activeCallIds().isEmpty());
        assertThat(media.allClosed()).isTrue();
        assertThat(events).filteredOn(CallEvent.Ended.class::isInstance).hasSize(1);
        assertThat(b2bua.qualityReporter().watching()).isZero();
        trunk.assertNoLeaks();
    }
}
