package dev.liaison.media.transport;

import java.net.InetSocketAddress;
import java.time.Duration;

/** What the mux needs: where to bind, the consent timeout, and the per-session queue size. */
public record MuxSettings(InetSocketAddress bind, Duration consentTimeout, int sessionQueueCapacity, int maxSessions) {

    public MuxSettings {
        if (consentTimeout.isNegative() || consentTimeout.isZero()) {
            throw new IllegalArgumentException("consent timeout must be positive");
        }
        if (sessionQueueCapacity < 1 || maxSessions < 1) {
            throw new IllegalArgumentException("queue capacity and max sessions must be positive");
        }
    }
}
