package dev.liaison.palettes.context;

/**
 * What resolving a customer gave.
 *
 * @param interaction the interaction to carry on with
 * @param reason why this one; {@link ResolveReason#outcome()} says whether it is new
 */
public record Resolution(InteractionSummary interaction, ResolveReason reason) {

    public ResolveOutcome outcome() {
        return reason.outcome();
    }

    public boolean created() {
        return outcome() == ResolveOutcome.CREATED;
    }
}
