package dev.liaison.testsupport.postgres;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/** PostgreSQL in a container via Testcontainers; used only with -Dliaison.test.postgres=docker. */
final class ContainerTestServer implements PostgresServer {

    private static final String IMAGE = "postgres:17";

    private final PostgreSQLContainer<?> container;

    private ContainerTestServer(PostgreSQLContainer<?> container) {
        this.container = container;
    }

    static ContainerTestServer start() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException(TestPostgres.MODE_PROPERTY
                    + "=docker needs a running Docker engine and none was found; use the default 'embedded'");
        }
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>(IMAGE);
        container.start();
        return new ContainerTestServer(container);
    }

    @Override
    public String adminJdbcUrl() {
        return container.getJdbcUrl();
    }

    @Override
    public String jdbcUrl(String database) {
        String url = container.getJdbcUrl();
        int slash = url.lastIndexOf('/');
        int query = url.indexOf('?', slash);
        return url.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
    }

    @Override
    public String username() {
        return container.getUsername();
    }

    @Override
    public String password() {
        return container.getPassword();
    }

    @Override
    public void close() {
        container.stop();
    }
}
