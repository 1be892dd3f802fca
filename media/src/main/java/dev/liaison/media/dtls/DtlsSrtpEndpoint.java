package dev.liaison.media.dtls;

import dev.liaison.media.srtp.SrtpKeyingMaterial;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsTimeoutException;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One DTLS-SRTP association, transport-agnostic: the socket reader hands every DTLS datagram to {@link #receive}
 * (which never blocks), records go out through a {@link DatagramSender}, and the handshake runs on the given executor.
 * {@link #keys()} completes with the SRTP keying material once the handshake succeeds; until then no media may flow
 * (see {@link #state()}).
 */
public final class DtlsSrtpEndpoint implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DtlsSrtpEndpoint.class);

    private final DtlsRole role;
    private final DtlsCertificate certificate;
    private final CertificateFingerprint remoteFingerprint;
    private final DtlsSettings settings;
    private final Executor executor;
    private final DtlsMetrics metrics;
    private final QueueDatagramTransport transport;
    private final HandshakeProblem problem = new HandshakeProblem();
    private final AtomicReference<DtlsState> state = new AtomicReference<>(DtlsState.NEW);
    private final CompletableFuture<SrtpKeyingMaterial> keys = new CompletableFuture<>();
    private final Object receiveLock = new Object();
    private volatile DTLSTransport dtls;

    public DtlsSrtpEndpoint(
            DtlsRole role,
            DtlsCertificate certificate,
            CertificateFingerprint remoteFingerprint,
            DtlsSettings settings,
            DatagramSender sender,
            Executor executor,
            DtlsMetrics metrics) {
        this.role = role;
        this.certificate = certificate;
        this.remoteFingerprint = remoteFingerprint;
        this.settings = settings;
        this.executor = executor;
        this.metrics = metrics;
        this.transport = new QueueDatagramTransport(settings.inboundQueueCapacity(), settings.mtu(), sender);
    }

    /**
     * Starts the handshake on the executor; a server waits for the ClientHello, a client sends it. When the executor
     * refuses the task (a bounded pool that is full), the handshake fails at once with {@link DtlsFailure#OVERLOADED}.
     */
    public CompletableFuture<SrtpKeyingMaterial> start() {
        if (state.compareAndSet(DtlsState.NEW, DtlsState.HANDSHAKING)) {
            try {
                executor.execute(this::handshake);
            } catch (RejectedExecutionException e) {
                fail(new DtlsHandshakeException(DtlsFailure.OVERLOADED, "no handshake thread free", e));
            }
        }
        return keys;
    }

    /** The SRTP keys, completed when the handshake succeeds, exceptionally with a {@link DtlsHandshakeException}. */
    public CompletableFuture<SrtpKeyingMaterial> keys() {
        return keys;
    }

    public DtlsState state() {
        return state.get();
    }

    public DtlsRole role() {
        return role;
    }

    /** Hands one inbound DTLS datagram over; never blocks, drops (and counts) what cannot be queued. */
    public void receive(byte[] datagram) {
        InboundDrop drop = transport.offer(datagram);
        if (drop != null) {
            metrics.dropped(drop);
            return;
        }
        if (state.get() == DtlsState.CONNECTED) {
            try {
                executor.execute(this::drainAfterHandshake);
            } catch (RejectedExecutionException e) {
                // The datagram stays queued (bounded) and is read with the next one.
                log.debug("DTLS {} drain refused by the executor: {}", role, e.toString());
            }
        }
    }

    private void handshake() {
        BcTlsCrypto crypto = new BcTlsCrypto(new SecureRandom());
        try {
            if (role == DtlsRole.SERVER) {
                SrtpDtlsServer server = new SrtpDtlsServer(crypto, certificate, remoteFingerprint, settings, problem);
                DTLSServerProtocol protocol = new DTLSServerProtocol();
                // ICE connectivity checks have already proven the address; no cookie round trip.
                protocol.setVerifyRequests(false);
                dtls = protocol.accept(server, transport);
                succeed(server.keys());
            } else {
                SrtpDtlsClient client = new SrtpDtlsClient(crypto, certificate, remoteFingerprint, settings, problem);
                dtls = new DTLSClientProtocol().connect(client, transport);
                succeed(client.keys());
            }
        } catch (IOException | RuntimeException e) {
            fail(classify(e));
        }
    }

    private void succeed(SrtpKeyingMaterial material) {
        if (state.compareAndSet(DtlsState.HANDSHAKING, DtlsState.CONNECTED)) {
            metrics.handshakeSucceeded(role);
            keys.complete(material);
            // Datagrams that arrived while the handshake finished (retransmitted flights) still need an answer.
            drainAfterHandshake();
        } else {
            closeQuietly();
        }
    }

    private void fail(DtlsHandshakeException e) {
        DtlsState before = state.getAndUpdate(s -> s == DtlsState.CLOSED ? s : DtlsState.FAILED);
        DtlsFailure failure = before == DtlsState.CLOSED ? DtlsFailure.CLOSED : e.failure();
        metrics.handshakeFailed(role, failure);
        log.info("DTLS {} handshake failed: {}", role, e.getMessage());
        transport.close();
        keys.completeExceptionally(
                failure == e.failure() ? e : new DtlsHandshakeException(failure, "closed during handshake", e));
    }

    private DtlsHandshakeException classify(Exception e) {
        DtlsHandshakeException typed = problem.get();
        if (typed != null) {
            return new DtlsHandshakeException(typed.failure(), typed.getMessage(), e);
        }
        if (state.get() == DtlsState.CLOSED) {
            return new DtlsHandshakeException(DtlsFailure.CLOSED, "closed during handshake", e);
        }
        if (e instanceof TlsTimeoutException) {
            return new DtlsHandshakeException(
                    DtlsFailure.TIMEOUT, "no handshake within " + settings.handshakeTimeout(), e);
        }
        if (e instanceof TlsFatalAlertReceived) {
            return new DtlsHandshakeException(DtlsFailure.PEER_ALERT, String.valueOf(e.getMessage()), e);
        }
        return new DtlsHandshakeException(DtlsFailure.PROTOCOL_ERROR, String.valueOf(e.getMessage()), e);
    }

    /**
     * After the handshake, inbound records are retransmitted final flights or alerts; BC answers them inside
     * {@code receive}. Application data (a data channel) is not used and is discarded.
     */
    private void drainAfterHandshake() {
        DTLSTransport t = dtls;
        if (t == null) {
            return;
        }
        synchronized (receiveLock) {
            byte[] buf = new byte[settings.mtu() + 256];
            try {
                while (state.get() == DtlsState.CONNECTED && t.receive(buf, 0, buf.length, 1) >= 0) {
                    // discard application data
                }
            } catch (IOException | RuntimeException e) {
                log.info("DTLS {} association ended: {}", role, e.toString());
                state.set(DtlsState.CLOSED);
                transport.close();
            }
        }
    }

    /** Sends close_notify when connected and stops accepting datagrams. */
    @Override
    public void close() {
        DtlsState before = state.getAndSet(DtlsState.CLOSED);
        if (before == DtlsState.CONNECTED) {
            closeQuietly();
        }
        transport.close();
        if (before == DtlsState.NEW) {
            keys.completeExceptionally(new DtlsHandshakeException(DtlsFailure.CLOSED, "closed before start", null));
        }
    }

    private void closeQuietly() {
        DTLSTransport t = dtls;
        if (t != null) {
            try {
                t.close();
            } catch (IOException e) {
                log.debug("close_notify not sent: {}", e.toString());
            }
        }
    }
}
