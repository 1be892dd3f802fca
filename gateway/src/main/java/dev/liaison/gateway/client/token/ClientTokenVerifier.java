package dev.liaison.gateway.client.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.liaison.gateway.client.protocol.ClientErrorCode;
import dev.liaison.gateway.client.protocol.ClientProtocolException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a consumer token: HS256 signature with the node's key (no other algorithm is accepted, {@code none}
 * included), issuer, expiry (with a small clock skew) and the presence of every claim. Anything wrong is
 * {@code invalid-token}; the message never says which secret or claim value was expected.
 */
public final class ClientTokenVerifier {

    static final String SITE_CLAIM = "site";
    static final String DESTINATIONS_CLAIM = "destinations";
    static final String ORIGINS_CLAIM = "origins";
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private final MACVerifier verifier;
    private final String issuer;
    private final Clock clock;

    public ClientTokenVerifier(TokenKey key, String issuer, Clock clock) {
        try {
            this.verifier = new MACVerifier(key.bytes());
        } catch (JOSEException e) {
            throw new IllegalArgumentException("Token key too short for HS256", e);
        }
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ClientToken verify(String token) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            throw invalid("not a signed JWT");
        }
        if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
            throw invalid("wrong algorithm");
        }
        try {
            if (!jwt.verify(verifier)) {
                throw invalid("bad signature");
            }
        } catch (JOSEException e) {
            throw invalid("bad signature");
        }
        try {
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!issuer.equals(claims.getIssuer())) {
                throw invalid("wrong issuer");
            }
            if (claims.getExpirationTime() == null) {
                throw invalid("no expiry");
            }
            Instant expiresAt = claims.getExpirationTime().toInstant();
            if (clock.instant().minus(CLOCK_SKEW).isAfter(expiresAt)) {
                throw invalid("expired");
            }
            String site = claims.getStringClaim(SITE_CLAIM);
            List<String> destinations = claims.getStringListClaim(DESTINATIONS_CLAIM);
            List<String> origins = claims.getStringListClaim(ORIGINS_CLAIM);
            if (claims.getSubject() == null || claims.getJWTID() == null || site == null || destinations == null) {
                throw invalid("missing claims");
            }
            return new ClientToken(
                    claims.getJWTID(),
                    claims.getSubject(),
                    site,
                    Set.copyOf(destinations),
                    origins == null ? Set.of() : new HashSet<>(origins),
                    expiresAt);
        } catch (ParseException e) {
            throw invalid("malformed claims");
        }
    }

    private static ClientProtocolException invalid(String why) {
        return new ClientProtocolException(ClientErrorCode.INVALID_TOKEN, "Invalid token: " + why);
    }
}
