package dev.liaison.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.liaison.gateway.call.CallRequests;
import gov.nist.javax.sip.SipStackImpl;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A running SIP trunk for a test: bound to 127.0.0.1 on an ephemeral port, 127.0.0.1 as the only trunk peer, a short
 * timer T1 so that transactions end quickly on loopback. Built from properties, no Spring context.
 */
final class SipTrunkFixture implements AutoCloseable {

    final SipStackHost host;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final RecordingCallRequests callRequests = new RecordingCallRequests();
    /** The session, registration and transfer timers: they run only when a test moves this time forward. */
    final ManualSipTimers timers = new ManualSipTimers();

    private SipTrunkFixture(SipProperties properties, boolean withCallRequests) {
        Optional<CallRequests> requests = withCallRequests ? Optional.of(callRequests) : Optional.empty();
        host = new SipStackHost(properties, () -> requests, meters, Clock.systemUTC(), timers);
        host.start();
    }

    private SipTrunkFixture(SipProperties properties, Supplier<CallRequests> requests) {
        host = new SipStackHost(
                properties, () -> Optional.ofNullable(requests.get()), meters, Clock.systemUTC(), timers);
        host.start();
    }

    /**
     * A trunk whose inbound calls go to {@code requests}, looked up at each call (so a B2BUA built on this trunk's leg
     * provider can be set after the trunk started).
     */
    static SipTrunkFixture startWith(Supplier<CallRequests> requests) {
        return new SipTrunkFixture(properties(List.of("127.0.0.1"), Duration.ofSeconds(30)), requests);
    }

    static SipTrunkFixture start() {
        return new SipTrunkFixture(properties(List.of("127.0.0.1"), Duration.ofSeconds(30)), true);
    }

    static SipTrunkFixture start(SipProperties properties) {
        return new SipTrunkFixture(properties, true);
    }

    static SipTrunkFixture startWithoutCallRequests() {
        return new SipTrunkFixture(properties(List.of("127.0.0.1"), Duration.ofSeconds(30)), false);
    }

    /** Test defaults: loopback, ephemeral port, the given peers and no-answer timeout, the standard T1 (500 ms). */
    static SipProperties properties(List<String> peers, Duration noAnswerTimeout) {
        return properties(peers, noAnswerTimeout, 50, 100, Duration.ofMillis(500));
    }

    /**
     * T1 = 50 ms: UDP non-INVITE transactions end within 3.2 s instead of 32 s. Only for tests without INVITEs over UDP
     * (a cold JVM may take longer than 50 ms to handle the first response, and SIPp aborts on a retransmitted INVITE).
     */
    static SipProperties fastTimerProperties() {
        return properties(List.of("127.0.0.1"), Duration.ofSeconds(30), 50, 100, Duration.ofMillis(50));
    }

    static SipProperties properties(
            List<String> peers,
            Duration noAnswerTimeout,
            int maxInvitesPerSecond,
            int maxConcurrentCalls,
            Duration timerT1) {
        SipProperties d = SipProperties.defaults();
        return new SipProperties(
                true,
                "127.0.0.1",
                "",
                0,
                d.tlsPort(),
                "",
                "",
                peers,
                "",
                "",
                "",
                "",
                noAnswerTimeout,
                maxInvitesPerSecond,
                maxConcurrentCalls,
                d.maxMessageSize(),
                d.sessionTimerInterval(),
                timerT1,
                4);
    }

    int port() {
        return host.udpPort();
    }

    /** A SIP URI of the SIPp far end listening on {@code port} over UDP. */
    static String sippUri(int port) {
        return "sip:service@127.0.0.1:" + port;
    }

    /**
     * A SIP URI of the SIPp far end listening on {@code port} over TCP. Most call flows run over TCP: no
     * retransmissions to race with, and transactions end at once, so the no-leak check needs no wait for timers.
     */
    static String sippTcpUri(int port) {
        return "sip:service@127.0.0.1:" + port + ";transport=tcp";
    }

    SipLegProvider legProvider() {
        return new SipLegProvider(host);
    }

    SipStackImpl stack() {
        return host.stack().orElseThrow();
    }

    /** Waits until no dialog, no transaction and no leg is left: the end of every call-flow test. */
    void assertNoLeaks() {
        // Usually ~9 s: jain-sip keeps a terminated transaction for its 8 s linger time. Up to 64*T1 (32 s) when an
        // ACK for a non-2xx final response crossed the response and the INVITE server transaction waits for Timer H.
        await("no SIP dialogs, transactions or legs left")
                .atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    SipStackImpl stack = stack();
                    assertThat(stack.getDialogs().stream()
                                    .map(d -> d.getCallId().getCallId() + " " + d.getState())
                                    .toList())
                            .as("dialogs")
                            .isEmpty();
                    assertThat(stack.getClientTransactionTableSize())
                            .as("client transactions %s", describe(stack, "clientTransactionTable"))
                            .isZero();
                    assertThat(stack.getServerTransactionTableSize())
                            .as("server transactions %s", describe(stack, "serverTransactionTable"))
                            .isZero();
                    assertThat(host.legs().all()).as("legs").isEmpty();
                });
    }

    /** The method and state of each transaction in one of the stack's tables, for failure messages. */
    private static String describe(SipStackImpl stack, String table) {
        try {
            java.lang.reflect.Field field = gov.nist.javax.sip.stack.SIPTransactionStack.class.getDeclaredField(table);
            field.setAccessible(true);
            java.util.Map<?, ?> transactions = (java.util.Map<?, ?>) field.get(stack);
            return transactions.values().stream()
                    .map(t -> (gov.nist.javax.sip.stack.SIPTransaction) t)
                    .map(t -> t.getMethod() + " " + t.getState())
                    .toList()
                    .toString();
        } catch (ReflectiveOperationException e) {
            return "(" + e + ")";
        }
    }

    /** Waits until the stack holds no transaction (between raw test messages that reuse a branch). */
    void awaitNoTransactions() {
        await("no SIP transactions left")
                .atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(50))
                .until(() ->
                        stack().getClientTransactionTableSize() == 0 && stack().getServerTransactionTableSize() == 0);
    }

    @Override
    public void close() {
        host.stop();
    }
}
