package dev.liaison.gateway.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the client protocol, {@code liaison.gateway.client.*}. Checked when bound: a bad value stops the
 * application at startup.
 *
 * @param tokenSecret HMAC-SHA256 key that signs and verifies consumer tokens, at least 32 bytes (UTF-8). When unset,
 *     a random key is made at startup (tokens then do not survive a restart, and a warning says so). Never commit one.
 * @param tokenIssuer the {@code iss} claim of the tokens this node issues and accepts
 * @param detachTimeout how long a session whose WebSocket dropped keeps its calls up, waiting for the client to
 *     reattach with its resume token; after it the calls end with {@code detach-timeout}
 * @param authenticateTimeout how long a new connection may take to send {@code authenticate} before it is closed
 * @param maxMessageBytes the largest frame a client may send, in bytes (UTF-8); a larger one gets {@code too-large} and
 *     the socket is closed with status 1009
 * @param messagesPerSecond the sustained rate of messages a connection may send; bursts up to twice this are admitted,
 *     beyond it messages are dropped with {@code rate-limited}
 * @param sessionsPerToken how many live (active or detached) sessions one token may hold at once
 * @param outboundQueueMessages how many messages may wait to be written to one connection; a client that reads slower
 *     than that is disconnected (its session detaches) instead of growing memory
 * @param detachedBufferMessages how many messages a detached session keeps for its client until it reattaches; older
 *     ones are dropped (the resume answer carries the state of every live call anyway)
 */
@ConfigurationProperties("liaison.gateway.client")
public record ClientProperties(
        Optional<String> tokenSecret,
        @DefaultValue("liaison") String tokenIssuer,
        @DefaultValue("30s") Duration detachTimeout,
        @DefaultValue("10s") Duration authenticateTimeout,
        @DefaultValue("65536") int maxMessageBytes,
        @DefaultValue("20") int messagesPerSecond,
        @DefaultValue("5") int sessionsPerToken,
        @DefaultValue("256") int outboundQueueMessages,
        @DefaultValue("64") int detachedBufferMessages) {

    /** The smallest accepted {@link #tokenSecret()}: HS256 needs a 256-bit key. */
    public static final int MIN_SECRET_BYTES = 32;

    public ClientProperties {
        tokenSecret = tokenSecret == null ? Optional.empty() : tokenSecret.filter(s -> !s.isEmpty());
        tokenSecret.ifPresent(secret -> {
            if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
                throw new IllegalArgumentException("liaison.gateway.client.token-secret must be at least "
                        + MIN_SECRET_BYTES + " bytes; generate one with: openssl rand -base64 48");
            }
        });
        requirePositive(detachTimeout, "detach-timeout");
        requirePositive(authenticateTimeout, "authenticate-timeout");
        requireAtLeast(maxMessageBytes, 1024, "max-message-bytes");
        requireAtLeast(messagesPerSecond, 1, "messages-per-second");
        requireAtLeast(sessionsPerToken, 1, "sessions-per-token");
        requireAtLeast(outboundQueueMessages, 8, "outbound-queue-messages");
        requireAtLeast(detachedBufferMessages, 0, "detached-buffer-messages");
        if (tokenIssuer == null || tokenIssuer.isBlank()) {
            throw new IllegalArgumentException("liaison.gateway.client.token-issuer must not be blank");
        }
    }

    /** The defaults, with the given secret (for tests and tools). */
    public static ClientProperties defaults(Optional<String> tokenSecret) {
        return new ClientProperties(
                tokenSecret, "liaison", Duration.ofSeconds(30), Duration.ofSeconds(10), 65536, 20, 5, 256, 64);
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("liaison.gateway.client." + name + " must be positive, got " + value);
        }
    }

    private static void requireAtLeast(int value, int min, String name) {
        if (value < min) {
            throw new IllegalArgumentException(
                    "liaison.gateway.client." + name + " must be at least " + min + ", got " + value);
        }
    }
}
