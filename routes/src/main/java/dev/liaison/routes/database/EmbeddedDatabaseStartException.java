package dev.liaison.routes.database;

import java.nio.file.Path;

/** The embedded PostgreSQL server could not be started on its data directory. */
public class EmbeddedDatabaseStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path dataDirectory;

    public EmbeddedDatabaseStartException(Path dataDirectory, String reason, Throwable cause) {
        super(reason, cause);
        this.dataDirectory = dataDirectory;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }
}
