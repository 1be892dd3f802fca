package dev.liaison.routes.system;

import dev.liaison.routes.database.EmbeddedDatabaseServer;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Service;

/** Gathers what this node is running from the beans that know it. */
@Service
public class SystemInfoService {

    private final Optional<BuildProperties> build;
    private final boolean embeddedDatabase;
    private final Flyway flyway;
    private final CamelContext camel;
    private final NodeProperties node;

    SystemInfoService(
            ObjectProvider<BuildProperties> build,
            ObjectProvider<EmbeddedDatabaseServer> embeddedDatabase,
            Flyway flyway,
            CamelContext camel,
            NodeProperties node) {
        this.build = Optional.ofNullable(build.getIfAvailable());
        this.embeddedDatabase = embeddedDatabase.getIfAvailable() != null;
        this.flyway = flyway;
        this.camel = camel;
        this.node = node;
    }

    public String version() {
        return build.map(BuildProperties::getVersion).orElse("development");
    }

    public String databaseMode() {
        return embeddedDatabase ? "embedded" : "external";
    }

    public SystemInfo current() {
        String schemaVersion = Optional.ofNullable(flyway.info().current())
                .map(MigrationInfo::getVersion)
                .map(Object::toString)
                .orElse("none");
        return new SystemInfo(
                version(),
                node.id(),
                new SystemInfo.Database(databaseMode(), schemaVersion),
                new SystemInfo.Camel(
                        camel.getVersion(),
                        camel.getStatus().name(),
                        camel.getRoutes().size()));
    }
}
