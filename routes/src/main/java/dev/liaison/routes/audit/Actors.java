package dev.liaison.routes.audit;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who an audit line names for the request being served: {@code admin:<user name>}, or {@code system}. */
public final class Actors {

    private Actors() {}

    /** The signed-in admin of this request, or {@code system} outside one. */
    public static String currentAdmin() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who == null || !who.isAuthenticated() ? "system" : "admin:" + who.getName();
    }
}
