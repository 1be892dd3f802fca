package dev.liaison.media.config;

import dev.liaison.media.camel.MediaEvents;
import dev.liaison.media.dtls.DtlsCertificateService;
import dev.liaison.media.dtls.DtlsSettings;
import dev.liaison.media.transport.MuxSession;
import dev.liaison.media.transport.MuxSettings;
import dev.liaison.media.transport.UdpMux;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The broker running in this process: binds the muxed UDP port (at construction, so a port in use stops the start),
 * holds the DTLS certificate service, and runs the consent and inactivity sweeps on one scheduled thread while started.
 * {@link #close()} stops the sweeps, the thread and the port; nothing is left running.
 */
public final class MediaBroker implements SmartLifecycle, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MediaBroker.class);

    private final BrokerResources resources;
    private final ScheduledExecutorService scheduler;
    private final Counter consentExpired;
    private final Counter consentFailures;
    private final Counter inactivityFailures;
    private ScheduledFuture<?> sweeping;
    private boolean closed;

    public MediaBroker(MediaProperties properties, MediaEvents events, Clock clock, MeterRegistry meters) {
        MuxSettings muxSettings = new MuxSettings(
                new InetSocketAddress(
                        Checks.ipLiteral(
                                "liaison.media.mux.bind-address",
                                properties.mux().bindAddress()),
                        properties.mux().port()),
                properties.mux().consentTimeout(),
                properties.mux().sessionQueueCapacity(),
                properties.mux().maxSessions());
        DtlsSettings defaults = DtlsSettings.defaults();
        DtlsSettings dtls = new DtlsSettings(
                properties.dtls().handshakeTimeout(),
                defaults.inboundQueueCapacity(),
                defaults.mtu(),
                defaults.profiles());
        DtlsCertificateService certificates =
                new DtlsCertificateService(clock, properties.dtls().certificateValidity());
        UdpMux mux = new UdpMux(muxSettings, clock, meters);
        AdvertisedAddresses addresses;
        try {
            addresses = AdvertisedAddresses.resolve(properties, mux.localAddress());
        } catch (RuntimeException e) {
            mux.close();
            throw e;
        }
        if (mux.localAddress().getAddress().isAnyLocalAddress()
                && properties.mux().advertisedCandidates().isEmpty()
                && addresses.candidates().stream().anyMatch(c -> c.address().startsWith("127."))) {
            log.warn("The media port is bound to every interface but the host has no non-loopback IPv4 address:"
                    + " browsers elsewhere cannot reach it; set liaison.media.mux.advertised-candidates");
        }
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "media-sweep");
            thread.setDaemon(true);
            return thread;
        });
        this.resources = new BrokerResources(
                properties, mux, certificates, dtls, addresses, new MediaSweeps(), events, scheduler, clock, meters);
        this.consentExpired = Counter.builder("liaison.media.consent.expired")
                .description("WebRTC sessions ended because ICE consent expired")
                .register(meters);
        this.consentFailures = sweepFailures(meters, "consent");
        this.inactivityFailures = sweepFailures(meters, "inactivity");
        log.info(
                "Media broker on UDP {} (advertised {}), RTP legs on {}:{}-{} (advertised {})",
                mux.localAddress(),
                addresses.candidates(),
                addresses.rtpBind().getHostAddress(),
                properties.rtp().portMin(),
                properties.rtp().portMax(),
                addresses.rtpAdvertised().getHostAddress());
    }

    private static Counter sweepFailures(MeterRegistry meters, String sweep) {
        return Counter.builder("liaison.media.sweep.failures")
                .description("Sweep listeners that threw")
                .tag("sweep", sweep)
                .register(meters);
    }

    public BrokerResources resources() {
        return resources;
    }

    /** Runs both sweeps once, now (the scheduled thread does this every sweep interval). */
    public void sweep() {
        List<MuxSession> expired = resources.mux().sweepExpiredConsent();
        consentExpired.increment(expired.size());
        for (MuxSession session : expired) {
            for (Consumer<MuxSession> listener : resources.sweeps().consentListeners()) {
                try {
                    listener.accept(session);
                } catch (RuntimeException e) {
                    consentFailures.increment();
                    log.error("Consent sweep listener failed on session {}", session.id(), e);
                }
            }
        }
        Instant now = resources.clock().instant();
        for (Consumer<Instant> sweep : resources.sweeps().inactivitySweeps()) {
            try {
                sweep.accept(now);
            } catch (RuntimeException e) {
                inactivityFailures.increment();
                log.error("Inactivity sweep failed", e);
            }
        }
    }

    @Override
    public synchronized void start() {
        if (closed || sweeping != null) {
            return;
        }
        long period = resources.properties().sweepInterval().toMillis();
        sweeping = scheduler.scheduleWithFixedDelay(this::sweepSafely, period, period, TimeUnit.MILLISECONDS);
    }

    private void sweepSafely() {
        try {
            sweep();
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log and keep sweeping.
            log.error("Media sweep failed", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (sweeping != null) {
            sweeping.cancel(false);
            sweeping = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return sweeping != null;
    }

    /** Stops the sweeps and their thread, and closes the muxed port. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop();
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("The media sweep thread did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        resources.mux().close();
    }
}
