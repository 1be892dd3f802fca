package dev.liaison.palettes.context;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liaison.palettes.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reads and writes the context of an interaction. */
@RestController
@RequestMapping("/api/v1/interactions/{correlationId}/context")
@Tag(name = "Context", description = "What is known about the customer, relayed to whoever handles the contact")
class ContextController {

    /** Most entries one write may carry. */
    static final int MAX_ENTRIES_PER_WRITE = 100;

    private final ContextService contexts;

    ContextController(ContextService contexts) {
        this.contexts = contexts;
    }

    @PreAuthorize(Access.READ)
    @GetMapping
    @Operation(summary = "The merged context: latest value per category and key, and the page history")
    @ApiResponse(responseCode = "200", description = "the merged context")
    @ApiResponse(
            responseCode = "404",
            description = "no such interaction (code interaction.not_found)",
            content = @Content(mediaType = "application/problem+json"))
    ContextView read(@PathVariable UUID correlationId) {
        return contexts.read(correlationId);
    }

    @PreAuthorize(Access.WORK)
    @PatchMapping
    @Operation(
            summary = "Write context values, all or none",
            description = "Each entry sets the latest value of its category and key; a JSON null value removes the"
                    + " key; entries of category pages are appended to the page history. Sensitive values are"
                    + " never copied into the timeline.")
    @ApiResponse(responseCode = "200", description = "the merged context after the write")
    @ApiResponse(
            responseCode = "400",
            description = "malformed entry (request.invalid, context.key_invalid, context.key_too_long,"
                    + " context.duplicate_entry, context.value_invalid)",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "403",
            description =
                    "an AGENT user naming another writer than agent:<its user name>" + " (context.actor_not_allowed)",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "404",
            description = "no such interaction (code interaction.not_found)",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "413",
            description = "over a limit (context.too_large, context.value_too_large, context.too_many_keys);"
                    + " nothing was written",
            content = @Content(mediaType = "application/problem+json"))
    ContextView write(@PathVariable UUID correlationId, @Valid @RequestBody WriteBody body) {
        List<ContextEntryWrite> entries = body.entries().stream()
                .map(entry -> new ContextEntryWrite(
                        ContextCategory.fromWireName(entry.category()),
                        entry.key(),
                        entry.value(),
                        Boolean.TRUE.equals(entry.sensitive())))
                .toList();
        ContextSource source = ContextSource.fromWireName(body.source());
        return contexts.write(
                correlationId, new ContextWrite(source, ContextWriters.actor(source, body.actor()), entries));
    }

    /** Body of {@code PATCH .../context}. */
    record WriteBody(
            @Schema(description = "kind of writer", example = "agent")
                    @NotNull
                    @Pattern(
                            regexp = ContextSource.WIRE_PATTERN,
                            message = "must be one of " + ContextSource.WIRE_PATTERN)
                    String source,
            @Schema(
                            description = "the writer; an AGENT user writes as agent:<its user name> (the default),"
                                    + " only an ADMIN may name another writer",
                            example = "agent:alice")
                    @Size(min = 1, max = ContextWrite.MAX_ACTOR_LENGTH)
                    String actor,
            @NotEmpty @Size(max = MAX_ENTRIES_PER_WRITE) List<@Valid @NotNull EntryBody> entries) {}

    /** One entry of a context write. */
    record EntryBody(
            @Schema(example = "custom")
                    @NotNull
                    @Pattern(
                            regexp = ContextCategory.WIRE_PATTERN,
                            message = "must be one of " + ContextCategory.WIRE_PATTERN)
                    String category,
            @Schema(example = "orderNumber", description = "letter first, then letters, digits, '_', '.', '-'")
                    @NotBlank
                    String key,
            @Schema(description = "any JSON value; null removes the key")
                    @NotNull(message = "must be present; use null to remove the key")
                    JsonNode value,
            @Schema(description = "keep the value out of the timeline") Boolean sensitive) {}
}
