package dev.liaison.cti.ucce.link;

import dev.liaison.cti.api.error.CtiException;
import dev.liaison.cti.api.error.CtiFailure;
import dev.liaison.cti.ucce.protocol.CtiMessage;
import dev.liaison.cti.ucce.protocol.CtiProtocolException;
import dev.liaison.cti.ucce.protocol.FrameCodec;
import dev.liaison.cti.ucce.protocol.InboundDecoder;
import dev.liaison.cti.ucce.protocol.MessageType;
import dev.liaison.cti.ucce.protocol.SessionMessages;
import dev.liaison.cti.ucce.protocol.SessionMessages.FailureConf;
import dev.liaison.cti.ucce.protocol.SessionMessages.OpenConf;
import dev.liaison.cti.ucce.protocol.SessionMessages.OpenReq;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One CTI Server client link: connects to side A or B, opens the session (OPEN_REQ with the configured masks, checks
 * OPEN_CONF's granted services), sends heartbeats and resets the link when one is not confirmed in time, correlates
 * requests and confirmations by InvokeID, and reconnects with backoff, alternating sides, until stopped.
 *
 * <p>Threads: one link thread connects and then reads frames (framing and decoding happen there, so a malformed frame
 * resets the link at once); one dispatcher thread hands events to the {@link LinkListener} in order through a bounded
 * queue (a full queue blocks the reader, which pushes back on TCP); the shared scheduler runs heartbeats and request
 * timeouts. Nothing here throws past the link: every failure is counted, logged and turned into a reconnect.
 */
public final class UcceLink {

    private static final Logger log = LoggerFactory.getLogger(UcceLink.class);

    private final LinkSettings settings;
    private final LinkListener listener;
    private final LinkMetrics metrics;
    private final ScheduledExecutorService scheduler;
    private final PendingRequests pending;
    private final FrameCodec codec;
    private final Backoff backoff;
    private final BlockingQueue<Runnable> dispatch;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private volatile LinkState state = LinkState.STOPPED;
    private volatile Side side = Side.A;
    private volatile Socket socket;
    private volatile OutputStream out;
    private volatile String lastError;
    private volatile boolean running;
    private Thread linkThread;
    private Thread dispatcherThread;
    private ScheduledFuture<?> heartbeat;
    private volatile boolean reachedOpen;
    private volatile boolean everOpened;

    public UcceLink(
            LinkSettings settings, LinkListener listener, LinkMetrics metrics, ScheduledExecutorService scheduler) {
        this.settings = settings;
        this.listener = listener;
        this.metrics = metrics;
        this.scheduler = scheduler;
        this.pending = new PendingRequests(scheduler, 1024);
        this.codec = new FrameCodec(settings.maxMessageBytes());
        this.backoff = new Backoff(settings.reconnectInitialDelay(), settings.reconnectMaxDelay());
        this.dispatch = new ArrayBlockingQueue<>(settings.maxQueuedEvents());
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        dispatcherThread = new Thread(this::dispatchLoop, "ucce-" + settings.name() + "-dispatch");
        dispatcherThread.setDaemon(true);
        dispatcherThread.start();
        linkThread = new Thread(this::linkLoop, "ucce-" + settings.name() + "-link");
        linkThread.setDaemon(true);
        linkThread.start();
    }

    /** Closes the session (CLOSE_REQ when open), the socket and both threads; no reconnect follows. */
    public void stop() {
        Thread link;
        Thread dispatcher;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            link = linkThread;
            dispatcher = dispatcherThread;
        }
        stopped.countDown();
        if (state == LinkState.OPEN) {
            try {
                write(new SessionMessages.CloseReq(pending.nextInvokeId(), 0).encode());
            } catch (IOException e) {
                log.debug("CLOSE_REQ on link {} not sent: {}", settings.name(), e.toString());
            }
        }
        closeSocket();
        join(link);
        dispatcher.interrupt();
        join(dispatcher);
        state = LinkState.STOPPED;
    }

    private static void join(Thread t) {
        try {
            t.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public LinkState state() {
        return state;
    }

    public Side side() {
        return side;
    }

    public String lastError() {
        return lastError;
    }

    public LinkSettings settings() {
        return settings;
    }

    public LinkMetrics metrics() {
        return metrics;
    }

    /**
     * Sends a request built from its InvokeID and returns its confirmation. Fails with {@link CtiFailure#LINK_DOWN}
     * when the session is not open (or goes down before the answer), {@link CtiFailure#TIMEOUT} after the request
     * timeout, {@link CtiFailure#REJECTED} on FAILURE_CONF / CONTROL_FAILURE_CONF (with the status as vendor code).
     */
    public CompletableFuture<CtiMessage> request(String what, LongFunction<CtiMessage> build) {
        return request(what, build, settings.requestTimeout());
    }

    private CompletableFuture<CtiMessage> request(String what, LongFunction<CtiMessage> build, Duration timeout) {
        if (state != LinkState.OPEN) {
            metrics.requestFailed(what, CtiFailure.LINK_DOWN.name());
            return CompletableFuture.failedFuture(
                    new CtiException(CtiFailure.LINK_DOWN, "Link " + settings.name() + " is " + state));
        }
        long invokeId = pending.nextInvokeId();
        long started = System.nanoTime();
        CompletableFuture<CtiMessage> future = pending.register(invokeId, what, timeout);
        try {
            write(build.apply(invokeId));
        } catch (IOException e) {
            pending.fail(invokeId, new CtiException(CtiFailure.LINK_DOWN, what + " not sent: " + e, null, e));
        }
        return future.whenComplete((ok, error) -> {
            if (error == null) {
                metrics.requestLatency(what, Duration.ofNanos(System.nanoTime() - started));
            } else if (error instanceof CtiException ce) { // the registered future fails with the CtiException itself
                metrics.requestFailed(what, ce.failure().name());
            }
        });
    }

    /** Drops the current connection (e.g. after a protocol error upstream); the link reconnects. */
    public void reset(String reason) {
        lastError = reason;
        log.warn("Resetting CTI link {} (side {}): {}", settings.name(), side, reason);
        closeSocket();
    }

    private void write(CtiMessage message) throws IOException {
        OutputStream o = out;
        if (o == null) {
            throw new IOException("not connected");
        }
        synchronized (o) {
            FrameCodec.write(o, message);
        }
    }

    private void closeSocket() {
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                log.debug("Closing CTI socket: {}", e.toString());
            }
        }
    }

    private void linkLoop() {
        int failedAttempts = 0;
        Side next = Side.A;
        while (running) {
            side = next;
            reachedOpen = false;
            try {
                runSession(next);
            } catch (CtiProtocolException e) {
                metrics.malformed(e.reason().name().toLowerCase(java.util.Locale.ROOT));
                lastError = e.getMessage();
                log.warn("CTI link {} side {}: {}; resetting", settings.name(), next, e.getMessage());
            } catch (IOException | CtiException e) {
                lastError = e.getMessage();
                log.info("CTI link {} side {}: {}", settings.name(), next, e.toString());
            } catch (RuntimeException e) {
                lastError = e.toString();
                log.error("CTI link {} side {} failed unexpectedly; reconnecting", settings.name(), next, e);
            } finally {
                sessionEnded(reachedOpen);
            }
            boolean opened = reachedOpen;
            if (opened) {
                failedAttempts = 0;
            } else {
                failedAttempts++;
            }
            if (!running) {
                break;
            }
            if (settings.duplexed()) {
                next = next.other();
            }
            state = LinkState.BACKOFF;
            try {
                if (stopped.await(backoff.delay(opened ? 0 : failedAttempts - 1).toMillis(), TimeUnit.MILLISECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
    }

    /** Connects, opens and reads until the connection ends; sets {@link #reachedOpen} once OPEN_CONF is accepted. */
    private void runSession(Side s) throws IOException, CtiProtocolException, CtiException {
        InetSocketAddress configured = settings.address(s);
        // resolved on every attempt, so that a DNS change of a side is picked up on reconnect
        InetSocketAddress address = new InetSocketAddress(configured.getHostString(), configured.getPort());
        state = LinkState.CONNECTING;
        Socket sock = new Socket();
        socket = sock;
        if (!running) {
            sock.close();
            return;
        }
        sock.setTcpNoDelay(true);
        sock.setKeepAlive(true);
        sock.connect(address, (int) settings.connectTimeout().toMillis());
        InputStream in = new BufferedInputStream(sock.getInputStream());
        out = new BufferedOutputStream(sock.getOutputStream());
        state = LinkState.OPENING;
        OpenConf conf = open(in);
        long missing = settings.requiredServices() & ~conf.servicesGranted();
        if (missing != 0) {
            throw new CtiException(
                    CtiFailure.REJECTED,
                    "CTI Server did not grant required services 0x" + Long.toHexString(missing) + " (granted 0x"
                            + Long.toHexString(conf.servicesGranted()) + ")");
        }
        sock.setSoTimeout(0);
        state = LinkState.OPEN;
        reachedOpen = true;
        lastError = null;
        metrics.connected(true);
        metrics.opened(s);
        if (everOpened) {
            metrics.reconnect();
        }
        everOpened = true;
        log.info(
                "CTI link {} open on side {} ({}), services granted 0x{}",
                settings.name(),
                s,
                address,
                Long.toHexString(conf.servicesGranted()));
        enqueue(() -> listener.opened(s, conf));
        startHeartbeats();
        readLoop(in);
    }

    private OpenConf open(InputStream in) throws IOException, CtiProtocolException, CtiException {
        long invokeId = pending.nextInvokeId();
        write(new OpenReq(
                        invokeId,
                        settings.protocolVersion(),
                        settings.idleTimeoutSeconds(),
                        settings.peripheralId(),
                        settings.services(),
                        settings.callMsgMask(),
                        settings.agentStateMask(),
                        0,
                        settings.clientId(),
                        settings.clientPassword(),
                        null,
                        null,
                        null)
                .encode());
        socket.setSoTimeout((int) settings.openTimeout().toMillis());
        while (true) {
            CtiMessage m;
            try {
                m = codec.read(in);
            } catch (SocketTimeoutException e) {
                throw new CtiException(CtiFailure.TIMEOUT, "No OPEN_CONF within " + settings.openTimeout());
            }
            if (m == null) {
                throw new IOException("CTI Server closed the connection before OPEN_CONF");
            }
            if (m.type() == MessageType.OPEN_CONF) {
                return OpenConf.decode(m);
            }
            if (m.type() == MessageType.FAILURE_CONF) {
                FailureConf f = FailureConf.decode(m);
                throw new CtiException(CtiFailure.REJECTED, "OPEN_REQ refused, status " + f.status(), f.status());
            }
            metrics.ignored(m.typeName());
        }
    }

    private void readLoop(InputStream in) throws IOException, CtiProtocolException {
        while (running) {
            CtiMessage m = codec.read(in);
            if (m == null) {
                throw new IOException("CTI Server closed the connection");
            }
            handle(m);
        }
    }

    private void handle(CtiMessage m) throws CtiProtocolException, IOException {
        int type = m.type();
        if (type == MessageType.HEARTBEAT_REQ) {
            write(SessionMessages.heartbeat(MessageType.HEARTBEAT_CONF, SessionMessages.invokeId(m)));
            return;
        }
        if (InboundDecoder.isConfirmation(type)) {
            if (type == MessageType.FAILURE_CONF || type == MessageType.CONTROL_FAILURE_CONF) {
                FailureConf f = FailureConf.decode(m);
                pending.fail(
                        f.invokeId(),
                        new CtiException(
                                CtiFailure.REJECTED,
                                "CTI Server refused InvokeID " + f.invokeId() + ", status " + f.status(),
                                f.status()));
            } else if (!pending.complete(SessionMessages.invokeId(m), m)) {
                metrics.ignored("LATE_" + m.typeName());
            }
            return;
        }
        Object event = InboundDecoder.decodeEvent(m);
        if (event == null) {
            metrics.ignored(m.typeName());
            return;
        }
        enqueue(() -> listener.event(event));
    }

    private void startHeartbeats() {
        long every = settings.heartbeatInterval().toMillis();
        heartbeat = scheduler.scheduleWithFixedDelay(this::sendHeartbeat, every, every, TimeUnit.MILLISECONDS);
    }

    private void sendHeartbeat() {
        if (state != LinkState.OPEN) {
            return;
        }
        Socket current = socket;
        request(
                        "HEARTBEAT_REQ",
                        id -> SessionMessages.heartbeat(MessageType.HEARTBEAT_REQ, id),
                        settings.heartbeatTimeout())
                .whenComplete((ok, error) -> {
                    Throwable cause =
                            error instanceof java.util.concurrent.CompletionException ? error.getCause() : error;
                    if (cause instanceof CtiException ce && ce.failure() == CtiFailure.TIMEOUT && socket == current) {
                        metrics.heartbeatTimeout();
                        reset("heartbeat not confirmed within " + settings.heartbeatTimeout());
                    }
                });
    }

    private void sessionEnded(boolean wasOpen) {
        if (heartbeat != null) {
            heartbeat.cancel(false);
            heartbeat = null;
        }
        closeSocket();
        out = null;
        metrics.connected(false);
        pending.failAll(new CtiException(CtiFailure.LINK_DOWN, "Link " + settings.name() + " went down"));
        if (wasOpen) {
            String reason = lastError == null ? "connection closed" : lastError;
            enqueue(() -> listener.down(reason));
        }
    }

    private void enqueue(Runnable task) {
        try {
            dispatch.put(task);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void dispatchLoop() {
        while (running || !dispatch.isEmpty()) {
            Runnable task;
            try {
                task = dispatch.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
                continue;
            }
            if (task == null) {
                continue;
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("CTI link {} listener failed; continuing", settings.name(), e);
            }
        }
    }

    /** Waits for a request's confirmation; unwraps the {@link CtiException}. */
    public static CtiMessage await(CompletableFuture<CtiMessage> future, Duration max) throws CtiException {
        try {
            return future.get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CtiException ce) {
                throw ce;
            }
            throw new CtiException(CtiFailure.LINK_DOWN, e.getCause().toString(), null, e.getCause());
        } catch (TimeoutException e) {
            throw new CtiException(CtiFailure.TIMEOUT, "No confirmation within " + max);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CtiException(CtiFailure.LINK_DOWN, "Interrupted while waiting for a confirmation");
        }
    }
}
