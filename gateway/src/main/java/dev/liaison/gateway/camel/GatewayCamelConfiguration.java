package dev.liaison.gateway.camel;

import dev.liaison.gateway.call.B2bua;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the {@code gateway:} component; Camel picks up component beans by their bean name. */
@Configuration(proxyBeanMethods = false)
public class GatewayCamelConfiguration {

    @Bean("gateway")
    GatewayComponent gatewayComponent(B2bua b2bua) {
        return new GatewayComponent(b2bua);
    }
}
