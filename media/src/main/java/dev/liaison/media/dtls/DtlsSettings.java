package dev.liaison.media.dtls;

import dev.liaison.media.srtp.SrtpProfile;
import java.time.Duration;
import java.util.List;

/**
 * Limits and preferences of a DTLS-SRTP endpoint.
 *
 * @param handshakeTimeout how long a handshake may take from its start, waiting for the peer included
 * @param inboundQueueCapacity datagrams queued for the handshake thread before new ones are dropped
 * @param mtu largest datagram we send and accept
 * @param profiles SRTP profiles we accept, most preferred first
 */
public record DtlsSettings(Duration handshakeTimeout, int inboundQueueCapacity, int mtu, List<SrtpProfile> profiles) {
    public DtlsSettings {
        if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("handshake timeout must be positive");
        }
        if (inboundQueueCapacity < 1 || inboundQueueCapacity > 10_000) {
            throw new IllegalArgumentException("inbound queue capacity must be 1..10000");
        }
        if (mtu < 576 || mtu > 65_507) {
            throw new IllegalArgumentException("mtu must be 576..65507");
        }
        profiles = List.copyOf(profiles);
        if (profiles.isEmpty()) {
            throw new IllegalArgumentException("at least one SRTP profile");
        }
    }

    /** 10 s handshake, 64 queued datagrams, 1200-byte datagrams, AEAD profiles first then AES-CM. */
    public static DtlsSettings defaults() {
        return new DtlsSettings(
                Duration.ofSeconds(10),
                64,
                1200,
                List.of(
                        SrtpProfile.AEAD_AES_128_GCM,
                        SrtpProfile.AEAD_AES_256_GCM,
                        SrtpProfile.AES128_CM_HMAC_SHA1_80));
    }
}
