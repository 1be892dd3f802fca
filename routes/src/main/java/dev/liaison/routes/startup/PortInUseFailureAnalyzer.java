package dev.liaison.routes.startup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** Names {@code server.port} when the HTTP port is taken (Spring Boot's own analysis does not name the setting). */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PortInUseFailureAnalyzer extends AbstractFailureAnalyzer<PortInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PortInUseException cause) {
        return new FailureAnalysis(
                "Liaison could not listen for HTTP: port " + cause.getPort() + " is already in use.",
                "Set server.port to a free port (0 picks one), or stop the process that listens on " + cause.getPort()
                        + ".",
                cause);
    }
}
