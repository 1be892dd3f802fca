package dev.liaison.testsupport.postgres;

/** A running PostgreSQL server that tests create databases on. */
interface PostgresServer extends AutoCloseable {

    /** URL of a database the admin role can always connect to, for CREATE DATABASE. */
    String adminJdbcUrl();

    String jdbcUrl(String database);

    String username();

    String password();

    @Override
    void close();
}
