package dev.liaison.media.dtls;

import java.util.concurrent.atomic.AtomicReference;

/** The first typed failure a TLS peer callback detected, so the endpoint can report it instead of a bare alert. */
final class HandshakeProblem {
    private final AtomicReference<DtlsHandshakeException> first = new AtomicReference<>();

    void record(DtlsFailure failure, String message) {
        first.compareAndSet(null, new DtlsHandshakeException(failure, message, null));
    }

    DtlsHandshakeException get() {
        return first.get();
    }
}
