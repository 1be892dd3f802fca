package dev.liaison.gateway.client.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Mints consumer tokens: HS256 JWTs with {@code iss}, {@code sub}, {@code site}, {@code destinations},
 * {@code origins}, {@code iat}, {@code exp} and a unique {@code jti}. Used by the REST side to hand a site a token for
 * one visitor, and by tests.
 */
public final class ClientTokenIssuer {

    /** The longest lifetime a token may be issued with: tokens are short-lived by design. */
    public static final Duration MAX_TTL = Duration.ofHours(24);

    private final MACSigner signer;
    private final String issuer;
    private final Clock clock;

    public ClientTokenIssuer(TokenKey key, String issuer, Clock clock) {
        try {
            this.signer = new MACSigner(key.bytes());
        } catch (JOSEException e) {
            throw new IllegalArgumentException("Token key too short for HS256", e);
        }
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A signed token for {@code subject} of {@code site}, valid for {@code ttl}, restricted to the given lists. */
    public String issue(String subject, String site, Set<String> destinations, Set<String> origins, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("ttl must be in (0, " + MAX_TTL + "], got " + ttl);
        }
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .claim(ClientTokenVerifier.SITE_CLAIM, site)
                .claim(ClientTokenVerifier.DESTINATIONS_CLAIM, new ArrayList<>(destinations))
                .claim(ClientTokenVerifier.ORIGINS_CLAIM, new ArrayList<>(origins))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a client token", e);
        }
        return jwt.serialize();
    }
}
