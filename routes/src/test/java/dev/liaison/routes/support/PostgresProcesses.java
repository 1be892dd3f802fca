package dev.liaison.routes.support;

import java.nio.file.Path;
import java.util.List;

/** PostgreSQL server processes serving a given data directory, found in the process table. */
public final class PostgresProcesses {

    private PostgresProcesses() {}

    public static List<ProcessHandle> servingDataDirectory(Path dataDirectory) {
        String directory = dataDirectory.toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info()
                        .commandLine()
                        .map(line -> line.contains("postgres") && line.contains(directory))
                        .orElse(false))
                .toList();
    }
}
