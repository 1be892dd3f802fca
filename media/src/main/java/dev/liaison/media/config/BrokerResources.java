package dev.liaison.media.config;

import dev.liaison.media.camel.MediaEvents;
import dev.liaison.media.dtls.DtlsCertificateService;
import dev.liaison.media.dtls.DtlsSettings;
import dev.liaison.media.transport.UdpMux;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Everything the running broker owns that legs and bridges are built from; {@link BrokerAssembly} gets it. The broker
 * creates, starts and stops all of it; legs and bridges never close any of it.
 *
 * @param properties the validated {@code liaison.media.*} settings
 * @param mux the bound muxed UDP port of the WebRTC legs
 * @param certificates the broker's DTLS certificate (its fingerprint goes into every WebRTC SDP)
 * @param dtls the DTLS settings ({@code liaison.media.dtls.handshake-timeout} applied)
 * @param addresses the advertised candidates, the RTP bind and advertised addresses, resolved at start
 * @param sweeps where legs and bridges register their consent and inactivity sweeps
 * @param events where bridges report that they ended a bridge on their own ({@code media:events})
 * @param scheduler the broker's one scheduled thread (sweeps, and short timers of legs); never block on it
 * @param clock the clock of timeouts and consent
 * @param meters where the broker's meters go
 */
public record BrokerResources(
        MediaProperties properties,
        UdpMux mux,
        DtlsCertificateService certificates,
        DtlsSettings dtls,
        AdvertisedAddresses addresses,
        MediaSweeps sweeps,
        MediaEvents events,
        ScheduledExecutorService scheduler,
        Clock clock,
        MeterRegistry meters) {}
