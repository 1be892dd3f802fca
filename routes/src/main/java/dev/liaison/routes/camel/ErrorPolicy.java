package dev.liaison.routes.camel;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * The one error policy every Liaison route shares: a failed exchange is logged with its route ID and exchange ID and
 * the exception goes back to the caller, which turns it into the wire error at its edge. Nothing is swallowed.
 */
@Component
public class ErrorPolicy extends RouteConfigurationBuilder {

    /** Every route names this configuration ({@code .routeConfigurationId(ErrorPolicy.ID)}). */
    public static final String ID = "liaison-error-policy";

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(Exception.class)
                .handled(false)
                .log(
                        LoggingLevel.WARN,
                        "dev.liaison.routes",
                        "Route ${routeId} failed exchange ${exchangeId}: ${exception.message}");
    }
}
