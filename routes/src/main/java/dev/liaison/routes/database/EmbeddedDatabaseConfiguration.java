package dev.liaison.routes.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded PostgreSQL server and points the application's connection pool at it, unless
 * {@code spring.datasource.url} names an external server.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabaseCondition.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

    /** Takes over the server {@link EmbeddedDatabaseEarlyStart} began starting, or starts one now. */
    @Bean(destroyMethod = "close")
    EmbeddedDatabaseServer embeddedDatabaseServer(
            EmbeddedDatabaseProperties properties,
            @Qualifier(EmbeddedDatabaseEarlyStart.BEAN_NAME) ObjectProvider<EmbeddedDatabaseEarlyStart.Handle> early) {
        EmbeddedDatabaseEarlyStart.Handle handle = early.getIfAvailable();
        EmbeddedDatabaseServer started = handle == null ? null : handle.claim(properties);
        return started != null ? started : EmbeddedDatabaseServer.start(properties);
    }

    /** The pool accepts every {@code spring.datasource.hikari.*} setting, as with an external server. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedDatabaseServer server) {
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(server.jdbcUrl())
                .username(server.username())
                .build();
    }
}
