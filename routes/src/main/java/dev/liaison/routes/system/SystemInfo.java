package dev.liaison.routes.system;

import io.swagger.v3.oas.annotations.media.Schema;

/** What this node is running: shown by {@code GET /api/v1/system} and the landing page. */
@Schema(description = "What this Liaison node is running")
public record SystemInfo(
        @Schema(example = "0.1.0-SNAPSHOT") String version,
        @Schema(description = "Name of this node (liaison.node.id)") String node,
        Database database,
        Camel camel) {

    /**
     * @param mode {@code embedded} when the application runs its own PostgreSQL, {@code external} otherwise
     * @param schemaVersion the newest applied migration
     */
    public record Database(@Schema(allowableValues = {"embedded", "external"}) String mode, String schemaVersion) {}

    /**
     * @param status Camel context status, {@code Started} when routing
     * @param routes number of routes in the context
     */
    public record Camel(String version, String status, int routes) {}
}
