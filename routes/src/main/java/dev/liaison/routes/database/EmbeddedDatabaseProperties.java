package dev.liaison.routes.database;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The embedded PostgreSQL server that the application starts when {@code spring.datasource.url} is not set.
 *
 * @param dataDirectory where the server keeps its data; reused on the next start, so data survives restarts
 * @param port TCP port on 127.0.0.1 for the server; 0 picks a free port at each start
 * @param database name of the database Liaison uses inside the server; created on first start
 * @param startupTimeout how long to wait for the server to accept connections
 */
@Validated
@ConfigurationProperties("liaison.embedded-db")
public record EmbeddedDatabaseProperties(
        @NotNull Path dataDirectory,
        @DefaultValue("0") @Min(0) @Max(65535) int port,
        @DefaultValue("liaison") @NotBlank @Pattern(regexp = "[a-z_][a-z0-9_]{0,62}") String database,
        @DefaultValue("60s") @NotNull Duration startupTimeout) {}
