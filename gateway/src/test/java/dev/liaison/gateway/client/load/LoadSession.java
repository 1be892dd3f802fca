package dev.liaison.gateway.client.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One client of {@link ClientSessionsLoadDriver}: opens its WebSocket, authenticates, starts a session (CONNECTING →
 * AUTHENTICATING → STARTING → ESTABLISHED, or FAILED), then pings when told and times each pong. Sends are chained, so
 * that no two are outstanding on the socket at once (as {@link WebSocket} requires).
 */
final class LoadSession implements WebSocket.Listener {

    enum State {
        CONNECTING,
        AUTHENTICATING,
        STARTING,
        ESTABLISHED,
        FAILED,
        CLOSED
    }

    private final int index;
    private final String token;
    private final ClientSessionsLoadDriver.Counters counters;
    private final Runnable handshakeDone;
    private final AtomicBoolean handshakeReported = new AtomicBoolean();
    private final StringBuilder partial = new StringBuilder();
    private volatile State state = State.CONNECTING;
    private volatile WebSocket socket;
    private CompletableFuture<WebSocket> sends = CompletableFuture.completedFuture(null);
    private long openedAt;
    private volatile long pingSentAt;
    private volatile boolean pingOutstanding;
    private int pingNumber;

    LoadSession(int index, String token, ClientSessionsLoadDriver.Counters counters, Runnable handshakeDone) {
        this.index = index;
        this.token = token;
        this.counters = counters;
        this.handshakeDone = handshakeDone;
    }

    void open(HttpClient client, URI uri) {
        openedAt = System.nanoTime();
        client.newWebSocketBuilder().buildAsync(uri, this).whenComplete((ws, error) -> {
            if (error != null) {
                fail();
            }
        });
        // A handshake that never finishes still gives its slot back.
        CompletableFuture.delayedExecutor(30, TimeUnit.SECONDS).execute(() -> {
            if (state != State.ESTABLISHED && state != State.CLOSED) {
                fail();
            }
        });
    }

    boolean isEstablished() {
        return state == State.ESTABLISHED;
    }

    boolean isOpen() {
        WebSocket ws = socket;
        return state == State.ESTABLISHED && ws != null && !ws.isInputClosed();
    }

    /** Sends a ping unless the previous one is still unanswered (then it counts as a failure). */
    void ping() {
        if (state != State.ESTABLISHED) {
            return;
        }
        if (pingOutstanding) {
            counters.pingFailures.incrementAndGet();
            return;
        }
        pingOutstanding = true;
        counters.pings.incrementAndGet();
        pingSentAt = System.nanoTime();
        send("{\"v\":1,\"type\":\"ping\",\"id\":\"p" + (++pingNumber) + "\"}");
    }

    void close() {
        WebSocket ws = socket;
        if (ws == null || state != State.ESTABLISHED) {
            return;
        }
        state = State.CLOSED;
        send("{\"v\":1,\"type\":\"end-session\"}");
        synchronized (this) {
            sends = sends.thenCompose(w -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "load done"));
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
        state = State.AUTHENTICATING;
        webSocket.request(1);
        send("{\"v\":1,\"type\":\"authenticate\",\"id\":\"a\",\"token\":\"" + token + "\"}");
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String message = partial.toString();
            partial.setLength(0);
            onMessage(message);
        }
        webSocket.request(1);
        return null;
    }

    private void onMessage(String message) {
        if (message.contains("\"type\":\"pong\"")) {
            if (pingOutstanding) {
                counters.rttNanos.record(System.nanoTime() - pingSentAt);
                counters.pongs.incrementAndGet();
                pingOutstanding = false;
            }
        } else if (state == State.AUTHENTICATING && message.contains("\"type\":\"authenticated\"")) {
            state = State.STARTING;
            send("{\"v\":1,\"type\":\"start-session\",\"id\":\"s\",\"correlationId\":\"load-" + index + "\"}");
        } else if (state == State.STARTING && message.contains("\"type\":\"session\"")) {
            state = State.ESTABLISHED;
            counters.establishNanos.record(System.nanoTime() - openedAt);
            counters.established.incrementAndGet();
            reportHandshake();
        } else if (message.contains("\"type\":\"error\"")) {
            if (state == State.ESTABLISHED) {
                counters.pingFailures.incrementAndGet();
            } else {
                fail();
            }
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        if (state == State.ESTABLISHED) {
            counters.closedByServer.incrementAndGet();
            state = State.CLOSED;
        } else if (state != State.CLOSED) {
            fail();
        }
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        if (state == State.ESTABLISHED) {
            counters.closedByServer.incrementAndGet();
            state = State.CLOSED;
        } else if (state != State.CLOSED) {
            fail();
        }
    }

    private synchronized void send(String text) {
        WebSocket ws = socket;
        sends = sends.thenCompose(w -> ws.sendText(text, true)).exceptionally(error -> {
            counters.pingFailures.incrementAndGet();
            return ws;
        });
    }

    private void fail() {
        if (state == State.FAILED || state == State.ESTABLISHED || state == State.CLOSED) {
            return;
        }
        state = State.FAILED;
        counters.failed.incrementAndGet();
        reportHandshake();
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
    }

    private void reportHandshake() {
        if (handshakeReported.compareAndSet(false, true)) {
            handshakeDone.run();
        }
    }
}
