package dev.liaison.routes.camel;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * The one error policy every Liaison route shares: a failed exchange is logged with its route ID and exchange ID and
 * the exception goes back to the caller, which turns it into the wire error at its edge. Nothing is swallowed.
 */
@Component
class ErrorPolicy extends RouteConfigurationBuilder {

    @Override
    public void configuration() {
        routeConfiguration("liaison-error-policy")
                .onException(Exception.class)
                .handled(false)
                .log(
                        LoggingLevel.WARN,
                        "dev.liaison.routes",
                        "Route ${routeId} failed exchange ${exchangeId}: ${exception.message}");
    }
}
