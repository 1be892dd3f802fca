package dev.liaison.testsupport.postgres;

/**
 * A fresh, empty PostgreSQL database created for one test class or one application context.
 *
 * @param jdbcUrl where to connect
 * @param username login role
 * @param password password, empty for the embedded server (trust authentication on loopback)
 * @param name database name inside the server
 */
public record TestDatabase(String jdbcUrl, String username, String password, String name) {}
