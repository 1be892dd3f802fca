/**
 * Correlation IDs, the context relay and the per-contact timeline.
 *
 * <p>Other features call three services: {@link dev.liaison.palettes.context.CorrelationService} (which interaction
 * is this customer's), {@link dev.liaison.palettes.context.ContextService} (what is known about the customer, written
 * all or nothing within the limits) and {@link dev.liaison.palettes.context.TimelineService} (what happened, in
 * order). {@code docs/context.md} describes the rules, limits and REST resources.
 */
package dev.liaison.palettes.context;
