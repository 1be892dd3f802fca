package dev.liaison.routes;

import dev.liaison.gateway.GatewayModule;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * Entry point of the runnable Liaison application. It wires the palettes features (ACD, context, IVR) with the
 * application's own routes; gateway, media and CTI adapters join through their Camel components. The gateway comes in
 * through {@link GatewayModule}, not through a package scan.
 *
 * <p>Both {@code dev.liaison.routes} and {@code dev.liaison.palettes} are auto-configuration packages, so Spring Boot
 * finds their entities and repositories itself (and can bootstrap JPA in the background, see
 * {@code spring.data.jpa.repositories.bootstrap-mode}).
 */
@SpringBootApplication(scanBasePackages = {"dev.liaison.routes", "dev.liaison.palettes"})
@Import(GatewayModule.class)
@AutoConfigurationPackage(basePackages = {"dev.liaison.routes", "dev.liaison.palettes"})
public class LiaisonApplication {

    public static void main(String[] args) {
        SpringApplication.run(LiaisonApplication.class, args);
    }
}
