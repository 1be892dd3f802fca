package dev.liaison.cti.ucce.camel;

import dev.liaison.cti.ucce.link.LinkState;
import dev.liaison.cti.ucce.link.UcceLink;
import dev.liaison.cti.ucce.session.UcceSession;
import java.util.Map;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheck.Kind;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Camel health check of one link ({@code ucce-<link>}, group {@code cti}): UP while the session is open, DOWN
 * otherwise, with the state, side, last error, reconnects, heartbeat timeouts and malformed frames as details. Both a
 * readiness and a liveness check: a CTI link that is down is worth reporting, restarting the process does not help,
 * so liveness is reported UP while the link is retrying.
 */
public final class UcceHealthCheck implements HealthCheck {

    private final UcceEndpoint endpoint;
    private volatile boolean enabled = true;

    UcceHealthCheck(UcceEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public String getGroup() {
        return "cti";
    }

    @Override
    public String getId() {
        return "ucce-" + endpoint.getConfiguration().getLink();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this);
        UcceSession session = endpoint.getSession();
        if (session == null) {
            return builder.unknown().message("link not started").build();
        }
        UcceLink link = session.link();
        builder.detail("link", endpoint.getConfiguration().getLink())
                .detail("state", link.state().name())
                .detail("side", link.side().name())
                .detail("reconnects", (long) link.metrics().count("liaison.cti.link.reconnects"))
                .detail("heartbeatTimeouts", (long) link.metrics().count("liaison.cti.heartbeat.timeouts"))
                .detail("trackedCalls", session.trackedCalls());
        if (link.lastError() != null) {
            builder.detail("lastError", link.lastError());
        }
        boolean liveness = options != null && options.get(HealthCheck.CHECK_KIND) == Kind.LIVENESS;
        if (link.state() == LinkState.OPEN || liveness) {
            return builder.up().build();
        }
        return builder.down()
                .message("CTI link " + endpoint.getConfiguration().getLink() + " is " + link.state())
                .build();
    }
}
