package dev.liaison.routes;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entry point of the runnable Liaison application. */
@SpringBootApplication
public class LiaisonApplication {

    public static void main(String[] args) {
        SpringApplication.run(LiaisonApplication.class, args);
    }
}
