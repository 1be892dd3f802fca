package dev.liaison.media.srtp;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/**
 * SRTP for a leg whose keys arrive later (DTLS-SRTP): until they do, every packet in either direction is dropped with
 * {@link SrtpOutcome#NOT_READY} and counted, so no media is forwarded before the handshake completes.
 */
public final class SrtpGate implements AutoCloseable {
    private final AtomicReference<SrtpSession> session = new AtomicReference<>();
    private final SrtpMetrics metrics;

    public SrtpGate(CompletionStage<SrtpKeyingMaterial> keys, int maxSsrcs, SrtpMetrics metrics) {
        this.metrics = metrics;
        keys.thenAccept(k -> session.set(new SrtpSession(k, maxSsrcs, metrics)));
    }

    public boolean ready() {
        return session.get() != null;
    }

    public SrtpResult protectRtp(byte[] p, int off, int len) {
        SrtpSession s = session.get();
        return s == null ? notReady("protect", "rtp") : s.protectRtp(p, off, len);
    }

    public SrtpResult unprotectRtp(byte[] p, int off, int len) {
        SrtpSession s = session.get();
        return s == null ? notReady("unprotect", "rtp") : s.unprotectRtp(p, off, len);
    }

    public SrtpResult protectRtcp(byte[] p, int off, int len) {
        SrtpSession s = session.get();
        return s == null ? notReady("protect", "rtcp") : s.protectRtcp(p, off, len);
    }

    public SrtpResult unprotectRtcp(byte[] p, int off, int len) {
        SrtpSession s = session.get();
        return s == null ? notReady("unprotect", "rtcp") : s.unprotectRtcp(p, off, len);
    }

    private SrtpResult notReady(String op, String kind) {
        metrics.dropped(op, kind, SrtpOutcome.NOT_READY);
        return SrtpResult.dropped(SrtpOutcome.NOT_READY);
    }

    @Override
    public void close() {
        SrtpSession s = session.getAndSet(null);
        if (s != null) {
            s.close();
        }
    }
}
