package dev.liaison.routes.site;

import java.util.Optional;

/** Where the token endpoint finds a site's settings. */
@FunctionalInterface
interface SiteLookup {

    /** The site's settings, if there is such a site. */
    Optional<SitesProperties.Site> site(String name);
}
