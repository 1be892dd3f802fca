package dev.liaison.palettes.context;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;

/**
 * The merged context of an interaction.
 *
 * @param correlationId the interaction
 * @param sizeBytes UTF-8 bytes of {@code context} as compact JSON, the measure the limit applies to
 * @param limitBytes the most {@code sizeBytes} may reach
 * @param context latest value per category and key; {@code pages} is the page history, oldest first
 * @param entries who wrote each value and when, in write order
 */
public record ContextView(
        UUID correlationId, int sizeBytes, int limitBytes, ObjectNode context, List<ContextEntryView> entries) {

    public ContextView {
        entries = List.copyOf(entries);
    }
}
