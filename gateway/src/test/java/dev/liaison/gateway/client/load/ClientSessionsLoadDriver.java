package dev.liaison.gateway.client.load;

import dev.liaison.gateway.client.token.ClientTokenIssuer;
import dev.liaison.gateway.client.token.TokenKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Skeleton of the load driver for the "concurrent client sessions per core" benchmark (target: 5,000 per core).
 * Opens {@code sessions} WebSockets against a running node, authenticates each with its own token (minted with the
 * node's secret, so the sessions-per-token limit does not apply), starts a session, then pings each every
 * {@code pingSeconds} and prints how many sessions are up and how many pings failed, until stopped.
 *
 * <p>Not a test: run it by hand against a node started with the same secret, from another machine or cgroup so the
 * driver does not eat the node's cores:
 *
 * <pre>
 * java -cp gateway/target/test-classes:$(cat cp.txt) dev.liaison.gateway.client.load.ClientSessionsLoadDriver \
 *     ws://127.0.0.1:8080/ws/client "$LIAISON_GATEWAY_CLIENT_TOKEN_SECRET" 5000 20
 * </pre>
 *
 * Still to do before it yields figures: ramp-up control, latency histograms (HdrHistogram), the node's CPU from
 * {@code /actuator/prometheus}, and a results file for docs/benchmarks.md.
 */
public final class ClientSessionsLoadDriver {

    private static final String PING = "{\"v\":1,\"type\":\"ping\"}";

    private ClientSessionsLoadDriver() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: ClientSessionsLoadDriver <ws-url> <token-secret> <sessions> [ping-seconds]");
            System.exit(2);
        }
        URI uri = URI.create(args[0]);
        ClientTokenIssuer issuer =
                new ClientTokenIssuer(TokenKey.fromConfiguration(Optional.of(args[1])), "liaison", Clock.systemUTC());
        int sessions = Integer.parseInt(args[2]);
        int pingSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;

        HttpClient http = HttpClient.newHttpClient();
        AtomicInteger up = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<WebSocket> sockets = new ArrayList<>();
        Semaphore inFlight = new Semaphore(200);
        for (int i = 0; i < sessions; i++) {
            String token = issuer.issue("load-" + i, "load", Set.of("support"), Set.of(), Duration.ofHours(1));
            inFlight.acquire();
            CompletableFuture<WebSocket> socket = http.newWebSocketBuilder()
                    .buildAsync(uri, new SessionListener(up))
                    .whenComplete((ws, error) -> inFlight.release());
            try {
                WebSocket ws = socket.get(30, TimeUnit.SECONDS);
                ws.sendText("{\"v\":1,\"type\":\"authenticate\",\"token\":\"" + token + "\"}", true);
                ws.sendText("{\"v\":1,\"type\":\"start-session\"}", true);
                sockets.add(ws);
            } catch (Exception e) {
                failed.incrementAndGet();
            }
        }

        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ticker.scheduleAtFixedRate(
                () -> {
                    for (WebSocket ws : sockets) {
                        if (!ws.isOutputClosed()) {
                            ws.sendText(PING, true).exceptionally(error -> {
                                failed.incrementAndGet();
                                return ws;
                            });
                        }
                    }
                    System.out.printf("sessions up: %d of %d, failures: %d%n", up.get(), sessions, failed.get());
                },
                pingSeconds,
                pingSeconds,
                TimeUnit.SECONDS);
    }

    /** Counts a session as up when its {@code session} message arrives. */
    private static final class SessionListener implements WebSocket.Listener {

        private final AtomicInteger up;
        private final StringBuilder partial = new StringBuilder();

        SessionListener(AtomicInteger up) {
            this.up = up;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                if (partial.indexOf("\"type\":\"session\"") >= 0) {
                    up.incrementAndGet();
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            up.decrementAndGet();
            return null;
        }
    }
}
