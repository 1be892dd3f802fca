package dev.liaison.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.liaison.gateway.call.B2bua;
import dev.liaison.gateway.call.CallEvent;
import dev.liaison.gateway.call.CallEventListener;
import dev.liaison.gateway.call.CallProperties;
import dev.liaison.gateway.call.LegKind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An attended transfer between two calls of the gateway, with SIPp on every side: the transferor T has a consultation
 * call to Y (T2, SIPp UAC, calls {@code y} through the trunk, the gateway connects it to Y, SIPp UAS) and a call from X
 * (X, SIPp UAC, calls {@code t}, connected to T1, SIPp UAS). T1 REFERs X's call with {@code Replaces} naming T2's
 * dialog with the gateway. The gateway joins X and Y: Y leaves the consultation call (which ends {@code joined}, T2
 * hung up), is asked for a fresh offer (offer-less re-INVITE), which goes through the first call's bridge to X
 * (re-INVITE), and X's answer comes back to Y in the ACK; T1 hears NOTIFY 100 then 200 and is hung up. Then X hangs up
 * and Y gets the BYE.
 */
class AttendedTransferJoinsTwoCallsThroughTheB2buaIT {

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final StampingMediaPort media = new StampingMediaPort();
    private final List<CallEvent> events = new CopyOnWriteArrayList<>();
    /** Where the routes send each destination ({@code y}, {@code t}). */
    private final Map<String, String> routes = new ConcurrentHashMap<>();

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
    void referWithReplacesNamingTheOtherCallJoinsItsPartiesThroughTheBridge() throws Exception {
        try (SipTrunkFixture trunk = SipTrunkFixture.startWith(() -> b2bua);
                Sipp y = Sipp.uasTcp("uas-answer-offerless-reinvite-await-bye.xml")) {
            routeCalls(trunk);
            routes.put("y", tcpUri(y.port));
            try (Sipp consulting = Sipp.uacTcp("uac-call-await-bye.xml", trunk.host.tcpPort(), "y")) {
                await().atMost(Duration.ofSeconds(10)).until(() -> count(CallEvent.Answered.class) == 1);
                String consultation =
                        URLEncoder.encode(consultationAsTheTransferorSeesIt(trunk), StandardCharsets.UTF_8);
                String referTo = tcpUri(trunk.host.tcpPort()) + "?Replaces=" + consultation;
                try (Sipp transferor =
                        Sipp.uasTcp("uas-answer-refer-await-bye.xml", "-key", "transfer_target", referTo)) {
                    routes.put("t", tcpUri(transferor.port));
                    try (Sipp x = Sipp.uacTcp("uac-call-transferred.xml", trunk.host.tcpPort(), "t")) {
                        transferor.assertScenarioCompleted();
                        consulting.assertScenarioCompleted();
                        x.assertScenarioCompleted();
                        y.assertScenarioCompleted();

                        assertThat(notifyStatusLines(transferor))
                                .containsExactly("SIP/2.0 100 Trying", "SIP/2.0 200 OK");
                        // Bridge 1 is the consultation call's, bridge 2 the transferred call's: X's re-INVITE has Y's
                        // fresh offer through bridge 2, and Y's ACK X's answer through bridge 2.
                        String reInvite = x.received("INVITE").get(0);
                        assertThat(reInvite).contains("s=bridge-2").contains("2353687640");
                        assertThat(y.received("INVITE")).hasSize(2);
                        assertThat(y.received("INVITE").get(1)).doesNotContain("m=audio");
                        assertThat(y.received("ACK").get(1))
                                .contains("s=bridge-2")
                                .contains("m=audio");
                    }
                }
            }
            CallEvent.Transferred transferred = awaitEvent(CallEvent.Transferred.class);
            String consultationCall = events.stream()
                    .filter(CallEvent.Incoming.class::isInstance)
                    .findFirst()
                    .orElseThrow()
                    .callId();
            assertThat(transferred.joinedCallId()).contains(consultationCall);
            assertThat(transferred.newSideKind()).isEqualTo(LegKind.SIP);
            assertThat(transferred.callId()).isNotEqualTo(consultationCall);
            await().atMost(Duration.ofSeconds(10)).until(() -> count(CallEvent.Ended.class) == 2);
            assertThat(events.stream()
                            .filter(CallEvent.Ended.class::isInstance)
                            .map(CallEvent.Ended.class::cast)
                            .map(e -> e.callId() + " " + e.reason().code()))
                    .containsExactlyInAnyOrder(consultationCall + " joined", transferred.callId() + " normal");
            assertThat(types())
                    .containsSubsequence("call.transfer-requested", "call.ended", "call.transferred", "call.ended");
            assertThat(media.opened()).isEqualTo(2);
            assertNothingLeaked(trunk);
        }
    }

    /**
     * The transferor's consultation dialog as the transferor names it in {@code Replaces} (RFC 3891): its Call-ID, the
     * gateway's tag as {@code to-tag} and the transferor's own as {@code from-tag}.
     */
    private static String consultationAsTheTransferorSeesIt(SipTrunkFixture trunk) {
        SipLeg leg = trunk.host.legs().all().stream()
                .filter(l -> l.direction() == SipLeg.Direction.INBOUND)
                .findFirst()
                .orElseThrow();
        synchronized (leg) {
            return leg.sipCallId() + ";to-tag=" + leg.localTag() + ";from-tag="
                    + leg.wire().dialog().getRemoteTag();
        }
    }

    private void routeCalls(SipTrunkFixture trunk) {
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
                    b2bua.connect(
                            incoming.callId(),
                            LegKind.SIP,
                            routes.get(incoming.request().destination()));
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

    private long count(Class<? extends CallEvent> type) {
        return events.stream().filter(type::isInstance).count();
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
        assertThat(b2bua.qualityReporter().watching()).isZero();
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
