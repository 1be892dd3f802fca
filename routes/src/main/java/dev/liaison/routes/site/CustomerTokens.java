package dev.liaison.routes.site;

import dev.liaison.gateway.client.token.ClientTokenIssuer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Mints the short-lived anonymous token a page of a site gets for one visitor: checks, in this order, the
 * rate limit of the remote address, the site, the page's {@code Origin} and the subject to continue, then issues a
 * token scoped to the site's destinations and origins. The subject is a fresh anonymous one ({@code anon-} and 128
 * random bits) unless the request continues one this endpoint issued earlier; no identity claim of the page is ever
 * put in the token (docs/sdk.md, <em>Identity</em>).
 */
final class CustomerTokens {

    /** What an anonymous subject looks like: {@code anon-} and 22 base64url characters (128 bits). */
    static final Pattern ANONYMOUS_SUBJECT = Pattern.compile("anon-[A-Za-z0-9_-]{22}");

    private final SiteLookup sites;
    private final ClientTokenIssuer issuer;
    private final AddressRateLimiter limiter;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    CustomerTokens(SiteLookup sites, ClientTokenIssuer issuer, AddressRateLimiter limiter, Clock clock) {
        this.sites = Objects.requireNonNull(sites, "sites");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A token for a visitor of {@code siteName} whose page has {@code origin}, asked from {@code remoteAddress}.
     *
     * @param subject the anonymous subject to continue, or empty for a fresh one
     * @throws SiteException 429 over the rate limit, 404 unknown site, 403 origin absent or not allowed, 400 a subject
     *     that is not anonymous
     */
    IssuedToken issue(String siteName, Optional<String> origin, String remoteAddress, Optional<String> subject) {
        limiter.acquire(remoteAddress).ifPresent(retryAfter -> {
            throw SiteException.rateLimited(retryAfter);
        });
        SitesProperties.Site site = site(siteName).orElseThrow(() -> SiteException.unknownSite(siteName));
        if (!origin.map(site.originSet()::contains).orElse(false)) {
            throw SiteException.forbiddenOrigin(siteName);
        }
        String who = subject.map(s -> {
                    if (!ANONYMOUS_SUBJECT.matcher(s).matches()) {
                        throw SiteException.invalidSubject();
                    }
                    return s;
                })
                .orElseGet(this::freshSubject);
        Instant expiresAt = clock.instant().plus(site.tokenTtl());
        String token = issuer.issue(who, siteName, Set.copyOf(site.destinations()), site.originSet(), site.tokenTtl());
        return new IssuedToken(token, who, siteName, List.copyOf(site.destinations()), expiresAt);
    }

    /** The site's settings, if there is such a site. */
    Optional<SitesProperties.Site> site(String siteName) {
        return sites.site(siteName);
    }

    /** Whether {@code origin} may ask for tokens of {@code siteName} (the CORS filter's check). */
    boolean allows(String siteName, String origin) {
        return site(siteName).map(s -> s.originSet().contains(origin)).orElse(false);
    }

    private String freshSubject() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return "anon-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
