package dev.liaison.routes.audit;

import dev.liaison.routes.camel.ErrorPolicy;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** {@code direct:audit}: any route sends an {@link AuditEntry} body here to have it written to the audit log. */
@Component
class AuditRoutes extends RouteBuilder {

    static final String ENDPOINT = "direct:audit";

    @Override
    public void configure() {
        from(ENDPOINT)
                .routeId("audit-record")
                .routeConfigurationId(ErrorPolicy.ID)
                .convertBodyTo(AuditEntry.class)
                .bean(AuditLog.class, "record");
    }
}
