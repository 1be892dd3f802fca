package dev.liaison.media.webrtc;

import dev.liaison.media.dtls.DtlsCertificateService;
import dev.liaison.media.dtls.DtlsMetrics;
import dev.liaison.media.dtls.DtlsSettings;
import dev.liaison.media.ice.IceCredentials;
import dev.liaison.media.leg.LegEndReason;
import dev.liaison.media.leg.LegUnavailableException;
import dev.liaison.media.leg.WebRtcLegControl;
import dev.liaison.media.srtp.SrtpMetrics;
import dev.liaison.media.transport.MuxSession;
import dev.liaison.media.transport.UdpMux;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens WebRTC legs on one {@link UdpMux} and owns what they share: the DTLS certificate, the bounded pool Bouncy
 * Castle's blocking handshakes run on (a thread is held only while a handshake is in progress; steady-state media runs
 * on the mux reader), and the meters. {@link #sweepConsent()} must be called periodically (every few seconds) by the
 * owner; it ends legs whose ICE consent expired. One daemon thread ({@code media-rtcp-*}) ticks every open leg a few
 * times per report interval so each sends its own RTCP reports when due; {@link #close()} stops it.
 */
public final class WebRtcLegs implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebRtcLegs.class);
    /** Default number of DTLS handshakes in progress at once; more wait in the queue. */
    public static final int DEFAULT_HANDSHAKE_THREADS = 16;
    /** Nominal interval of each leg's own RTCP reports: the RFC 3550 6.2 minimum. */
    public static final Duration DEFAULT_REPORT_INTERVAL = Duration.ofSeconds(5);
    /** Handshakes waiting for a thread before new ones fail with {@code OVERLOADED}. */
    static final int HANDSHAKE_QUEUE = 1024;

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final UdpMux mux;
    private final DtlsCertificateService certificates;
    private final DtlsSettings dtls;
    private final Clock clock;
    private final WebRtcMetrics metrics;
    private final DtlsMetrics dtlsMetrics;
    private final SrtpMetrics srtpMetrics;
    private final ThreadPoolExecutor handshakes;
    private final Duration reportInterval;
    private final ScheduledExecutorService reports;
    private final SecureRandom random = new SecureRandom();
    private final Map<WebRtcLeg, Boolean> open = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public WebRtcLegs(UdpMux mux, DtlsCertificateService certificates, DtlsSettings dtls, MeterRegistry registry) {
        this(mux, certificates, dtls, registry, Clock.systemUTC(), DEFAULT_HANDSHAKE_THREADS);
    }

    /**
     * @param clock for {@link dev.liaison.media.leg.MediaLeg#lastReceived()} (consent runs on the mux's clock)
     * @param handshakeThreads DTLS handshakes in progress at once
     */
    public WebRtcLegs(
            UdpMux mux,
            DtlsCertificateService certificates,
            DtlsSettings dtls,
            MeterRegistry registry,
            Clock clock,
            int handshakeThreads) {
        this(mux, certificates, dtls, registry, clock, handshakeThreads, DEFAULT_REPORT_INTERVAL);
    }

    /**
     * @param clock for {@link dev.liaison.media.leg.MediaLeg#lastReceived()} and the RTCP reports' times and intervals
     *     (consent runs on the mux's clock)
     * @param handshakeThreads DTLS handshakes in progress at once
     * @param reportInterval nominal interval of each leg's own RTCP reports (randomised 0.5-1.5x per report)
     */
    public WebRtcLegs(
            UdpMux mux,
            DtlsCertificateService certificates,
            DtlsSettings dtls,
            MeterRegistry registry,
            Clock clock,
            int handshakeThreads,
            Duration reportInterval) {
        if (handshakeThreads < 1) {
            throw new IllegalArgumentException("handshake threads must be positive");
        }
        if (reportInterval.compareTo(Duration.ofMillis(100)) < 0
                || reportInterval.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("report interval must be 100 ms..1 min, got " + reportInterval);
        }
        this.reportInterval = reportInterval;
        this.mux = mux;
        this.certificates = certificates;
        this.dtls = dtls;
        this.clock = clock;
        this.metrics = new WebRtcMetrics(registry);
        this.dtlsMetrics = new DtlsMetrics(registry);
        this.srtpMetrics = new SrtpMetrics(registry);
        this.handshakes = new ThreadPoolExecutor(
                handshakeThreads,
                handshakeThreads,
                10,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(HANDSHAKE_QUEUE),
                threads("media-dtls-" + POOLS.incrementAndGet() + "-"));
        // Idle pools hold no thread: threads exist only while handshakes run (and 10 s after).
        handshakes.allowCoreThreadTimeOut(true);
        ScheduledThreadPoolExecutor ticker =
                new ScheduledThreadPoolExecutor(1, threads("media-rtcp-" + POOLS.get() + "-"));
        ticker.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        long tick = Math.max(20, Math.min(500, reportInterval.toMillis() / 10));
        ticker.scheduleWithFixedDelay(this::tickReports, tick, tick, TimeUnit.MILLISECONDS);
        this.reports = ticker;
        registry.gaugeMapSize("liaison.media.webrtc.legs", List.of(), open);
    }

    /**
     * A new leg with fresh ICE credentials on the muxed port.
     *
     * @throws LegUnavailableException when the port carries its maximum number of sessions, or this factory is closed
     */
    public WebRtcLegControl open(String bridgeId) {
        if (closed) {
            throw new LegUnavailableException("the WebRTC legs are closed");
        }
        WebRtcLeg leg;
        try {
            leg = new WebRtcLeg(
                    bridgeId,
                    this,
                    certificates.current(),
                    clock,
                    metrics,
                    handler -> mux.createSession(IceCredentials.random(random), null, handler));
        } catch (IllegalStateException e) {
            throw new LegUnavailableException(e.getMessage());
        }
        open.put(leg, Boolean.TRUE);
        return leg;
    }

    /** Legs opened and neither closed nor ended. */
    public int openCount() {
        return open.size();
    }

    /** Ends (with {@link LegEndReason#CONSENT_EXPIRED}) every leg whose peer sent no valid check for the timeout. */
    public void sweepConsent() {
        for (WebRtcLeg leg : List.copyOf(open.keySet())) {
            if (leg.consentExpired()) {
                leg.end(LegEndReason.CONSENT_EXPIRED);
            }
        }
    }

    /**
     * The mux expired {@code session}'s consent and closed it (the broker's own consent sweep): ends the leg on that
     * session with {@code CONSENT_EXPIRED}. Sessions of no leg of this factory are ignored.
     */
    public void consentExpired(MuxSession session) {
        for (WebRtcLeg leg : List.copyOf(open.keySet())) {
            if (leg.muxSession() == session) {
                leg.end(LegEndReason.CONSENT_EXPIRED);
            }
        }
    }

    /** Closes every open leg (without {@code ended} callbacks) and stops the handshake pool. Idempotent. */
    @Override
    public void close() {
        closed = true;
        List.copyOf(open.keySet()).forEach(WebRtcLeg::close);
        handshakes.shutdownNow();
        reports.shutdownNow();
        try {
            handshakes.awaitTermination(5, TimeUnit.SECONDS);
            reports.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One pass of the report thread: each open leg sends its report when due. Never throws (it would stop the task). */
    private void tickReports() {
        for (WebRtcLeg leg : open.keySet()) {
            try {
                leg.tick();
            } catch (RuntimeException e) {
                log.warn("leg {}: RTCP report failed: {}", leg.id(), e.toString());
            }
        }
    }

    Duration reportInterval() {
        return reportInterval;
    }

    InetSocketAddress muxAddress() {
        return mux.localAddress();
    }

    DtlsSettings dtlsSettings() {
        return dtls;
    }

    ExecutorService handshakeExecutor() {
        return handshakes;
    }

    DtlsMetrics dtlsMetrics() {
        return dtlsMetrics;
    }

    SrtpMetrics srtpMetrics() {
        return srtpMetrics;
    }

    void released(WebRtcLeg leg) {
        open.remove(leg);
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
