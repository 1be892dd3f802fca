package dev.liaison.media.config;

import dev.liaison.media.transport.MuxSession;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The broker's periodic sweeps, run every {@code liaison.media.sweep-interval} on the broker's one sweep thread. The
 * broker itself expires ICE consent on the muxed port and hands each expired (already closed) session to the consent
 * listeners; the owners of legs register an inactivity sweep that ends legs silent for longer than
 * {@code liaison.media.inactivity-timeout}. Listeners must not block; one that throws is logged and counted, the
 * others still run.
 */
public final class MediaSweeps {

    private final List<Consumer<MuxSession>> consentExpired = new CopyOnWriteArrayList<>();
    private final List<Consumer<Instant>> inactivity = new CopyOnWriteArrayList<>();

    /** {@code listener} hears every muxed session whose consent expired (the WebRTC legs end their leg). */
    public void onConsentExpired(Consumer<MuxSession> listener) {
        consentExpired.add(listener);
    }

    /** {@code sweep} runs on every sweep with the current time (the bridges end legs silent for too long). */
    public void onInactivitySweep(Consumer<Instant> sweep) {
        inactivity.add(sweep);
    }

    List<Consumer<MuxSession>> consentListeners() {
        return consentExpired;
    }

    List<Consumer<Instant>> inactivitySweeps() {
        return inactivity;
    }
}
