package dev.liaison.palettes.context;

import java.time.Instant;
import java.util.UUID;

/**
 * An interaction without its context.
 *
 * @param correlationId the key every feature files this contact under
 * @param identityKey the normalized identity bound to it, or {@code null}
 * @param firstChannel the channel it started on
 * @param lastChannel the channel it was last resumed on
 * @param createdAt when it started
 * @param lastSeenAt its last resume or context write
 * @param contextBytes size of its merged context as of the last write
 */
public record InteractionSummary(
        UUID correlationId,
        String identityKey,
        Channel firstChannel,
        Channel lastChannel,
        Instant createdAt,
        Instant lastSeenAt,
        int contextBytes) {

    static InteractionSummary of(Interaction interaction) {
        return new InteractionSummary(
                interaction.correlationId(),
                interaction.identityKey(),
                interaction.firstChannel(),
                interaction.lastChannel(),
                interaction.createdAt(),
                interaction.lastSeenAt(),
                interaction.contextBytes());
    }
}
