package dev.liaison.routes.site;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The customer sites ({@code liaison.sites.<site>.*}): the web sites that embed the SDK and may ask for anonymous
 * customer tokens, and the rate limit of that endpoint ({@code liaison.customer-tokens.*} lives in
 * {@link CustomerTokenProperties}). Checked at startup: a bad value stops the application with the key at fault.
 *
 * @param sites site name ({@code [a-z0-9][a-z0-9-]{0,62}}, the token's {@code site} claim) to its settings
 */
@ConfigurationProperties("liaison")
public record SitesProperties(Map<String, Site> sites) {

    private static final Pattern SITE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    /** The client protocol's destination pattern (docs/protocol.md, {@code call}). */
    private static final Pattern DESTINATION = Pattern.compile("[A-Za-z0-9._@+:/-]{1,128}");
    /** Customer tokens are short-lived: minutes, at most an hour. */
    static final Duration MAX_TOKEN_TTL = Duration.ofHours(1);

    public SitesProperties {
        Map<String, Site> checked = new LinkedHashMap<>();
        (sites == null ? Map.<String, Site>of() : sites).forEach((name, site) -> {
            String key = "liaison.sites." + name;
            if (!SITE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(
                        key
                                + ": a site name is 1 to 63 lower-case letters, digits and '-', starting with a letter or digit");
            }
            if (site == null) {
                throw new IllegalArgumentException(key + " has no settings");
            }
            checked.put(name, site.checked(key));
        });
        sites = Map.copyOf(checked);
    }

    /**
     * One site.
     *
     * @param allowedOrigins the web origins ({@code https://shop.example.com}, scheme, host and port only) whose pages
     *     may ask for tokens; the token carries them, so {@code /ws/client} refuses the token from any other origin. At
     *     least one.
     * @param destinations the destinations a customer of this site may call (the token's allow-list), each a name of
     *     the dial plan. At least one.
     * @param tokenTtl how long an issued token may be used to authenticate, in (0, 1h]; default 5 minutes
     */
    public record Site(List<String> allowedOrigins, List<String> destinations, @DefaultValue("5m") Duration tokenTtl) {

        public Site {
            allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
            destinations = destinations == null ? List.of() : List.copyOf(destinations);
        }

        Site checked(String key) {
            if (allowedOrigins.isEmpty()) {
                throw new IllegalArgumentException(key + ".allowed-origins must list at least one origin");
            }
            allowedOrigins.forEach(origin -> checkOrigin(key + ".allowed-origins", origin));
            if (destinations.isEmpty()) {
                throw new IllegalArgumentException(key + ".destinations must list at least one destination");
            }
            for (String destination : destinations) {
                if (destination == null || !DESTINATION.matcher(destination).matches()) {
                    throw new IllegalArgumentException(key + ".destinations: '" + destination
                            + "' is not a destination name ([A-Za-z0-9._@+:/-], 1 to 128 characters)");
                }
            }
            if (tokenTtl == null
                    || tokenTtl.isNegative()
                    || tokenTtl.isZero()
                    || tokenTtl.compareTo(MAX_TOKEN_TTL) > 0) {
                throw new IllegalArgumentException(
                        key + ".token-ttl must be more than 0 and at most 1h, got " + tokenTtl);
            }
            return this;
        }

        /** The allowed origins as a set, for lookups and the token. */
        Set<String> originSet() {
            return Set.copyOf(allowedOrigins);
        }

        private static void checkOrigin(String key, String origin) {
            String problem = null;
            if (origin == null || origin.isBlank()) {
                problem = "an origin is empty";
            } else {
                try {
                    URI uri = new URI(origin);
                    boolean webScheme = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
                    boolean bare = uri.getHost() != null
                            && uri.getRawUserInfo() == null
                            && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                            && uri.getRawQuery() == null
                            && uri.getRawFragment() == null;
                    if (!webScheme || !bare || !origin.equals(origin.toLowerCase(java.util.Locale.ROOT))) {
                        problem = "'" + origin + "' is not an origin";
                    }
                } catch (URISyntaxException e) {
                    problem = "'" + origin + "' is not an origin";
                }
            }
            if (problem != null) {
                throw new IllegalArgumentException(key + ": " + problem
                        + " (scheme, host and optional port in lower case, no path or trailing slash:"
                        + " https://shop.example.com)");
            }
        }
    }
}
