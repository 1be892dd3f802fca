package dev.liaison.gateway.client.token;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HMAC-SHA256 key shared by {@link ClientTokenIssuer} and {@link ClientTokenVerifier}. */
public final class TokenKey {

    private static final Logger log = LoggerFactory.getLogger(TokenKey.class);

    private final byte[] secret;

    private TokenKey(byte[] secret) {
        this.secret = secret;
    }

    /**
     * The configured secret, or a random one (with one warning) when none is configured. The length is checked by
     * {@link dev.liaison.gateway.client.ClientProperties}.
     */
    public static TokenKey fromConfiguration(Optional<String> configured) {
        if (configured.isPresent()) {
            return new TokenKey(configured.get().getBytes(StandardCharsets.UTF_8));
        }
        log.warn(
                "liaison.gateway.client.token-secret is not set: using a random key made at startup. Client tokens"
                        + " issued now stop working at the next restart and on other nodes; set a secret of at least 32 bytes.");
        return random();
    }

    /** A fresh random 256-bit key. */
    public static TokenKey random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new TokenKey(bytes);
    }

    byte[] bytes() {
        return Arrays.copyOf(secret, secret.length);
    }
}
