package dev.liaison.routes.site;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The optional body of a token request.
 *
 * @param subject an anonymous subject this endpoint issued earlier (the SDK keeps it for the browser tab), to stay
 *     the same visitor across pages; absent for a fresh one
 */
@Schema(description = "Optional: the anonymous subject to continue")
record CustomerTokenRequest(
        @Schema(description = "Anonymous subject issued earlier", example = "anon-3q2-7wAAAAAAAAAAAAAAAA")
                String subject) {}
