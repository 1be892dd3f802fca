package dev.liaison.palettes.support;

import java.util.Arrays;
import org.apache.catalina.Context;
import org.apache.catalina.Manager;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/** The HTTP sessions the test server holds, for the no-leak checks of tests that sign in. */
public final class HttpSessions {

    private static final String SECURITY_CONTEXT = "SPRING_SECURITY_CONTEXT";

    private final Manager manager;

    public HttpSessions(ServletWebServerApplicationContext web) {
        Context context = (Context)
                ((TomcatWebServer) web.getWebServer()).getTomcat().getHost().findChildren()[0];
        this.manager = context.getManager();
    }

    /** Sessions open now, signed in or not. */
    public int active() {
        return manager.getActiveSessions();
    }

    /** Sessions that hold a signed-in user. */
    public long signedIn() {
        return Arrays.stream(manager.findSessions())
                .filter(session -> session.isValid() && session.getSession().getAttribute(SECURITY_CONTEXT) != null)
                .count();
    }
}
