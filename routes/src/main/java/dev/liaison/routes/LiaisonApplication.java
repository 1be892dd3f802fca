package dev.liaison.routes;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Entry point of the runnable Liaison application. It wires the palettes features (ACD, context, IVR) with the
 * application's own routes; gateway, media and CTI adapters join through their Camel components.
 *
 * <p>Both {@code dev.liaison.routes} and {@code dev.liaison.palettes} are auto-configuration packages, so Spring Boot
 * finds their entities and repositories itself (and can bootstrap JPA in the background, see
 * {@code spring.data.jpa.repositories.bootstrap-mode}).
 */
@SpringBootApplication(scanBasePackages = {"dev.liaison.routes", "dev.liaison.palettes", "dev.liaison.gateway"})
@AutoConfigurationPackage(basePackages = {"dev.liaison.routes", "dev.liaison.palettes"})
public class LiaisonApplication {

    public static void main(String[] args) {
        SpringApplication.run(LiaisonApplication.class, args);
    }
}
