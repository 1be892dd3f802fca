package dev.liaison.routes.database;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DatabasePreflightConfiguration {

    @Bean
    static DatabasePreflight databasePreflight() {
        return new DatabasePreflight();
    }
}
