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
 * Attended transfer through the B2BUA (RFC 3891 with RFC 3515, flows of RFC 5589) with SIPp on every side: A (SIPp
 * UAC) calls the trunk, the call is connected to B (SIPp UAS), and B, which consulted C directly, REFERs its call to C
 * with {@code Replaces} naming its consultation dialog with C. The gateway calls C with that {@code Replaces} (and
 * {@code Require: replaces}), checked by C's scenario; then the call goes on like a blind transfer. A REFER whose
 * {@code Replaces} is malformed or names the REFER's own dialog is refused before anything happens, and so are new
 * INVITEs whose {@code Replaces} cannot take over a dialog (no such dialog, wrong tags, {@code early-only}, the
 * replaced dialog's own Call-ID, no {@code from-tag}). Joining two calls of the gateway is
 * {@link AttendedTransferJoinsTwoCallsThroughTheB2buaIT}, a successful replacement
 * {@link InviteWithReplacesTakesOverACallThroughTheB2buaIT}.
 */
class AttendedTransferThroughTheB2buaIT {

    /** B's consultation dialog with C as C sees it, escaped for a URI header (the {@code +} as {@code %2B}). */
    private static final String CONSULTATION_ESCAPED =
            "consult-7f3a%40198.51.100.7%3Bto-tag%3Dc-tag%2B1%3Bfrom-tag%3Db-tag.2";

    private static final String CONSULTATION = "consult-7f3a@198.51.100.7;to-tag=c-tag+1;from-tag=b-tag.2";

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
    void targetGetsAnInviteReplacingTheConsultationAndTheTransferorIsHungUp() throws Exception {
        try (SipTrunkFixture trunk = SipTrunkFixture.startWith(() -> b2bua);
                Sipp target = Sipp.uasTcp("uas-replaces-late-offer-await-bye.xml")) {
            String referTo = tcpUri(target.port) + "?Replaces=" + CONSULTATION_ESCAPED;
            try (Sipp transferor = Sipp.uasTcp("uas-answer-refer-await-bye.xml", "-key", "transfer_target", referTo)) {
                connectEveryCallTo(trunk, transferor);
                try (Sipp caller = Sipp.uacTcp("uac-call-transferred.xml", trunk.host.tcpPort(), "support")) {
                    transferor.assertScenarioCompleted();
                    target.assertScenarioCompleted();
                    caller.assertScenarioCompleted();
                }
                assertThat(notifyStatusLines(transferor)).containsExactly("SIP/2.0 100 Trying", "SIP/2.0 200 OK");
            }
            String invite = target.received("INVITE").get(0);
            assertThat(invite).contains("Replaces: " + CONSULTATION).contains("Require: replaces");
            assertThat(target.received("ACK").get(0)).contains("m=audio");

            CallEvent.TransferRequested requested = awaitEvent(CallEvent.TransferRequested.class);
            assertThat(requested.target()).isEqualTo(tcpUri(target.port));
            assertThat(requested.replaces()).contains(CONSULTATION);
            assertThat(awaitEvent(CallEvent.Transferred.class).target()).isEqualTo(tcpUri(target.port));
            CallEvent.Ended ended = awaitEvent(CallEvent.Ended.class);
            assertThat(ended.reason()).isEqualTo(EndReason.NORMAL);
            assertThat(types())
                    .containsSubsequence("call.answered", "call.transfer-requested", "call.transferred", "call.ended");
            assertNothingLeaked(trunk);
        }
    }

    @Test
    void referWithAnEscapeThatIsNotHexIsRefusedWith400AndTheCallGoesOn() throws Exception {
        // The stack's URI parser refuses it already: the Refer-To does not parse, and the REFER gets 400 from the
        // stack.
        refusedWith400(tcpUri(5999) + "?Replaces=consult%ZZ%3Bto-tag%3D1%3Bfrom-tag%3D2", "");
    }

    @Test
    void referWithAReplacesHidingALineBreakIsRefusedWith400AndTheCallGoesOn() throws Exception {
        refusedWith400(
                tcpUri(5999) + "?Replaces=consult%0D%0AX-Injected%3A%201%3Bto-tag%3D1%3Bfrom-tag%3D2",
                "Replaces has an escaped control or non-ASCII character");
    }

    @Test
    void referWithAReplacesWithoutToTagIsRefusedWith400AndTheCallGoesOn() throws Exception {
        refusedWith400(tcpUri(5999) + "?Replaces=consult%40host%3Bfrom-tag%3D2", "Replaces without to-tag");
    }

    @Test
    void referWhoseReplacesNamesItsOwnDialogIsRefusedWith501() throws Exception {
        try (SipTrunkFixture trunk = SipTrunkFixture.startWith(() -> b2bua);
                Sipp transferor = Sipp.uasTcp(
                        "uas-answer-refer-own-dialog-refused-then-hang-up.xml",
                        "-key",
                        "transfer_target",
                        tcpUri(5999))) {
            connectEveryCallTo(trunk, transferor);
            try (Sipp caller = Sipp.uacTcp("uac-call-await-bye.xml", trunk.host.tcpPort(), "support")) {
                transferor.assertScenarioCompleted();
                caller.assertScenarioCompleted();
            }
            assertThat(transferor.received("SIP/2.0 501").get(0))
                    .startsWith("SIP/2.0 501 Replaces names a call of this gateway: the REFER's own dialog");
            assertThat(transferor.received("NOTIFY")).isEmpty();
            assertThat(types()).doesNotContain("call.transfer-requested", "call.transfer-failed");
            assertNothingLeaked(trunk);
        }
    }

    @Test
    void invitesAskingToReplaceADialogAreRefusedWithTheirRfc3891Status() throws Exception {
        try (SipTrunkFixture trunk = SipTrunkFixture.startWith(() -> b2bua);
                Sipp callee = Sipp.uasTcp("uas-answer-await-bye.xml")) {
            connectEveryCallTo(trunk, callee);
            try (Sipp caller =
                    Sipp.uacTcp("uac-call-then-invites-with-replaces.xml", trunk.host.tcpPort(), "support")) {
                caller.assertScenarioCompleted();
                callee.assertScenarioCompleted();
            }
            // Only the first INVITE made a call: each refused one left nothing behind.
            assertThat(types()).filteredOn("call.incoming"::equals).hasSize(1);
            assertThat(media.opened()).isEqualTo(1);
            assertNothingLeaked(trunk);
        }
    }

    /** B asks for an attended transfer with a Refer-To that cannot be honoured: 400, no NOTIFY, A and B go on. */
    private void refusedWith400(String referTo, String reason) throws Exception {
        try (SipTrunkFixture trunk = SipTrunkFixture.startWith(() -> b2bua);
                Sipp transferor = Sipp.uasTcp(
                        "uas-answer-refer-expect-400-then-hang-up.xml", "-key", "transfer_target", referTo)) {
            connectEveryCallTo(trunk, transferor);
            try (Sipp caller = Sipp.uacTcp("uac-call-await-bye.xml", trunk.host.tcpPort(), "support")) {
                transferor.assertScenarioCompleted();
                caller.assertScenarioCompleted();
            }
            assertThat(transferor.received("SIP/2.0 400").get(0)).startsWith("SIP/2.0 400 " + reason);
            assertThat(transferor.received("NOTIFY")).isEmpty();
            assertThat(types()).doesNotContain("call.transfer-requested", "call.transfer-failed");
            assertThat(awaitEvent(CallEvent.Ended.class).reason()).isEqualTo(EndReason.NORMAL);
            assertThat(media.opened()).isEqualTo(1);
            assertNothingLeaked(trunk);
        }
    }

    /**
     * The B2BUA on the trunk's leg provider, connecting every incoming call to {@code callee}. Its event recorder takes
     * no transfer requests, so the gateway decides them itself (the Refer-To target, if the allow-list lets it).
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
