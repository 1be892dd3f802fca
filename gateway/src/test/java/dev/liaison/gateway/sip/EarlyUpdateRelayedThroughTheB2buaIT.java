package dev.liaison.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.liaison.gateway.call.B2bua;
import dev.liaison.gateway.call.CallEvent;
import dev.liaison.gateway.call.CallProperties;
import dev.liaison.gateway.call.EndReason;
import dev.liaison.gateway.call.LegKind;
import dev.liaison.gateway.call.PassThroughMediaPort;
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
 * An offer before the answer (RFC 3311 early dialog) relayed through the B2BUA: A (SIPp UAC, 100rel and UPDATE) calls
 * the trunk, the call goes to B (SIPp UAS), B's reliable 183 with early media reaches A reliably and both are
 * PRACKed; A's UPDATE with a new offer is then sent on to B as an UPDATE in B's early dialog, and B's answer comes
 * back to A in the 200, all before B answers the INVITE; and the other way round, B's early UPDATE reaches A as an
 * UPDATE we send in A's early dialog.
 */
class EarlyUpdateRelayedThroughTheB2buaIT {

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final PassThroughMediaPort media = new PassThroughMediaPort();
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
    void callersEarlyUpdateReachesTheCalledSideInItsEarlyDialog() throws Exception {
        try (SipTrunkFixture trunk = SipTrunkFixture.startWith(() -> b2bua);
                Sipp callee = Sipp.uasTcp("uas-reliable-183-take-early-update.xml")) {
            connectEveryCallTo(trunk, callee);
            try (Sipp caller = Sipp.uacTcp("uac-100rel-early-update.xml", trunk.host.tcpPort(), "support")) {
                callee.assertScenarioCompleted();
                caller.assertScenarioCompleted();
                assertThat(caller.received("SIP/2.0 500")).isEmpty();
            }
            assertThat(callee.received("UPDATE")).hasSize(1);
            assertRelayedBeforeTheAnswerAndNothingLeaked(trunk);
        }
    }

    @Test
    void calledSidesEarlyUpdateReachesTheCallerInItsEarlyDialog() throws Exception {
        try (SipTrunkFixture trunk = SipTrunkFixture.startWith(() -> b2bua);
                Sipp callee = Sipp.uasTcp("uas-reliable-183-early-update.xml")) {
            connectEveryCallTo(trunk, callee);
            try (Sipp caller = Sipp.uacTcp("uac-100rel-takes-early-update.xml", trunk.host.tcpPort(), "support")) {
                callee.assertScenarioCompleted();
                caller.assertScenarioCompleted();
                assertThat(caller.received("UPDATE")).hasSize(1);
            }
            assertThat(callee.received("SIP/2.0 500")).isEmpty();
            assertRelayedBeforeTheAnswerAndNothingLeaked(trunk);
        }
    }

    private void connectEveryCallTo(SipTrunkFixture trunk, Sipp callee) {
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
        b2bua.addListener(event -> {
            events.add(event);
            if (event instanceof CallEvent.Incoming incoming) {
                b2bua.connect(incoming.callId(), LegKind.SIP, SipTrunkFixture.sippTcpUri(callee.port));
            }
        });
    }

    private void assertRelayedBeforeTheAnswerAndNothingLeaked(SipTrunkFixture trunk) {
        await().atMost(Duration.ofSeconds(15)).until(() -> b2bua.activeCallIds().isEmpty());
        List<String> types = events.stream().map(CallEvent::type).toList();
        assertThat(types).containsSubsequence("call.ringing", "call.media-changed", "call.answered", "call.ended");
        CallEvent.MediaChanged changed = events.stream()
                .filter(CallEvent.MediaChanged.class::isInstance)
                .map(CallEvent.MediaChanged.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(changed.onHold()).isTrue();
        CallEvent.Ended ended = events.stream()
                .filter(CallEvent.Ended.class::isInstance)
                .map(CallEvent.Ended.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(ended.reason()).isEqualTo(EndReason.NORMAL);
        assertThat(media.allClosed()).isTrue();
        trunk.assertNoLeaks();
    }
}
