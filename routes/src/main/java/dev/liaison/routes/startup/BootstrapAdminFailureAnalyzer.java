package dev.liaison.routes.startup;

import dev.liaison.palettes.security.BootstrapAdminRejectedException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** Names {@code liaison.security.bootstrap-admin.password} when its value may not be used (docs/security.md). */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class BootstrapAdminFailureAnalyzer extends AbstractFailureAnalyzer<BootstrapAdminRejectedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BootstrapAdminRejectedException cause) {
        return new FailureAnalysis(
                "Liaison will not create its first administrator: " + cause.getMessage() + ".",
                "Set " + BootstrapAdminRejectedException.SETTING + " from a secret to a long random password, or"
                        + " unset it; see docs/security.md.",
                cause);
    }
}
