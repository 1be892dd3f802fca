package dev.liaison.routes;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * Entry point of the runnable Liaison application. It wires the palettes features (ACD, context, IVR) with the
 * application's own routes; gateway, media and CTI adapters join through their Camel components.
 */
@SpringBootApplication(scanBasePackages = {"dev.liaison.routes", "dev.liaison.palettes", "dev.liaison.gateway"})
@EntityScan(basePackages = {"dev.liaison.routes", "dev.liaison.palettes"})
@EnableJpaRepositories(basePackages = {"dev.liaison.routes", "dev.liaison.palettes"})
public class LiaisonApplication {

    public static void main(String[] args) {
        SpringApplication.run(LiaisonApplication.class, args);
    }
}
