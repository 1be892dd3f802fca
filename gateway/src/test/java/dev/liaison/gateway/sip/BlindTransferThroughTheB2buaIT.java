package dev.liaison.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.liaison.gateway.call.B2bua;
import dev.liaison.gateway.call.CallEvent;
import dev.liaison.gateway.call.CallEventListener;
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
 * Blind transfer through the B2BUA with SIPp on every side: A (SIPp UAC) calls the trunk, the call is connected to B
 * (SIPp UAS), and B REFERs it to C (another SIPp UAS). No route decides the transfer, so the gateway calls the
 * Refer-To target as given when the allow-list lets it: C gets an INVITE without SDP, A a re-INVITE with C's offer, C
 * the answer in its ACK; B gets the final NOTIFY and our BYE. Refused and failed transfers leave A and B talking.
 */
class BlindTransferThroughTheB2buaIT {

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
    void transferredCallerTalksToTheTargetAndTheTransferorIsHungUp() throws Exception {
        try (SipTrunkFixture trunk = SipTrunkFixture.startWith(() -> b2bua);
                Sipp target = Sipp.uasTcp("uas-late-offer-await-bye.xml")) {
            try (Sipp transferor =
                    Sipp.uasTcp("uas-answer-refer-await-bye.xml", "-key", "transfer_target", tcpUri(target.port))) {
                connectEveryCallTo(trunk, transferor);
                try (Sipp caller = Sipp.uacTcp("uac-call-transferred.xml", trunk.host.tcpPort(), "support")) {
                    transferor.assertScenarioCompleted();
                    target.assertScenarioCompleted();
                    caller.assertScenarioCompleted();
                }
                assertThat(notifyStatusLines(transferor)).containsExactly("SIP/2.0 100 Trying", "SIP/2.0 200 OK");
            }
            assertThat(target.received("ACK").get(0)).contains("m=audio");

            CallEvent.Ended ended = awaitEvent(CallEvent.Ended.class);
            assertThat(ended.reason()).isEqualTo(EndReason.NORMAL);
            assertThat(ended.endedBy()).contains(LegKind.SIP);
            assertThat(awaitEvent(CallEvent.Transferred.class).target()).isEqualTo(tcpUri(target.port));
            assertThat(types())
                    .containsSubsequence("call.answered", "call.transfer-requested", "call.transferred", "call.ended");
            assertNothingLeaked(trunk);
        }
    }

    @Test
    void transferToABusyTargetIsNotifiedWithItsStatusAndTheCallGoesOn() throws Exception {
        try (SipTrunkFixture trunk = SipTrunkFixture.startWith(() -> b2bua);
                Sipp target = Sipp.uasTcp("uas-busy.xml")) {
            try (Sipp transferor =
                    Sipp.uasTcp("uas-answer-refer-then-hang-up.xml", "-key", "transfer_target", tcpUri(target.port))) {
                connectEveryCallTo(trunk, transferor);
                try (Sipp caller = Sipp.uacTcp("uac-call-await-bye.xml", trunk.host.tcpPort(), "support")) {
                    target.assertScenarioCompleted();
                    transferor.assertScenarioCompleted();
                    caller.assertScenarioCompleted();
                }
                assertThat(notifyStatusLines(transferor))
                        .containsExactly("SIP/2.0 100 Trying", "SIP/2.0 486 Busy here");
            }
            assertThat(awaitEvent(CallEvent.TransferFailed.class).reason()).isEqualTo(EndReason.BUSY);
            // The transferor hung up the call it kept: that, not the failed transfer, ended it.
            assertThat(awaitEvent(CallEvent.Ended.class).reason()).isEqualTo(EndReason.NORMAL);
            assertThat(types()).doesNotContain("call.transferred");
            assertNothingLeaked(trunk);
        }
    }

    @Test
    void transferToATargetOutsideTheAllowListIsRefusedWith403AndNothingIsDialled() throws Exception {
        try (SipTrunkFixture trunk = SipTrunkFixture.startWith(() -> b2bua);
                Sipp transferor = Sipp.uasTcp(
                        "uas-answer-refer-then-hang-up.xml",
                        "-key",
                        "transfer_target",
                        "sip:+19005551234@127.0.0.1;transport=tcp")) {
            connectEveryCallTo(trunk, transferor);
            try (Sipp caller = Sipp.uacTcp("uac-call-await-bye.xml", trunk.host.tcpPort(), "support")) {
                transferor.assertScenarioCompleted();
                caller.assertScenarioCompleted();
            }
            assertThat(notifyStatusLines(transferor))
                    .containsExactly("SIP/2.0 100 Trying", "SIP/2.0 403 Destination not allowed");
            CallEvent.TransferFailed failed = awaitEvent(CallEvent.TransferFailed.class);
            assertThat(failed.reason()).isEqualTo(EndReason.FORBIDDEN);
            assertThat(failed.target()).isEqualTo("sip:+19005551234@127.0.0.1;transport=tcp");
            assertThat(media.opened()).isEqualTo(1);
            assertNothingLeaked(trunk);
        }
    }

    /**
     * The B2BUA on the trunk's leg provider, connecting every incoming call to {@code callee}. Its event recorder takes
     * no transfer requests, so the gateway decides them itself.
     */
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
        b2bua.addListener(new CallEventListener() {
            @Override
            public void onCallEvent(CallEvent event) {
                events.add(event);
                if (event instanceof CallEvent.Incoming incoming) {
                    b2bua.connect(incoming.callId(), LegKind.SIP, tcpUri(callee.port));
                }
            }

            @Override
            public boolean accepts(String eventType) {
                return !eventType.equals("call.transfer-requested");
            }
        });
    }

    private static String tcpUri(int port) {
        return SipTrunkFixture.sippTcpUri(port);
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
        trunk.assertNoLeaks();
    }

    /** The sipfrag status line of each NOTIFY SIPp received, in order. */
    private static List<String> notifyStatusLines(Sipp sipp) throws Exception {
        return sipp.received("NOTIFY").stream()
                .map(message -> message.lines()
                        .filter(line -> line.startsWith("SIP/2.0 "))
                        .findFirst()
                        .orElse("(no sipfrag)"))
                .toList();
    }
}
