package dev.liaison.routes.database;

/** The configured PostgreSQL server refused or did not answer a connection at startup. */
public class DatabaseUnreachableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String jdbcUrl;

    public DatabaseUnreachableException(String jdbcUrl, Throwable cause) {
        super("cannot connect to PostgreSQL at " + jdbcUrl + ": " + rootMessage(cause), cause);
        this.jdbcUrl = jdbcUrl;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    private static String rootMessage(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
