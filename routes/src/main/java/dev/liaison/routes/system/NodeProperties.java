package dev.liaison.routes.system;

import jakarta.validation.constraints.Pattern;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Identity of this application instance among the nodes that share one database.
 *
 * @param id stable name of this node, shown in the audit log and the system API; defaults to the host name
 */
@Validated
@ConfigurationProperties("liaison.node")
public record NodeProperties(@Pattern(regexp = "[A-Za-z0-9._-]{1,100}") String id) {

    public NodeProperties {
        if (id == null || id.isBlank()) {
            id = hostName();
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "liaison";
        }
    }
}
