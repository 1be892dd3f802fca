package dev.liaison.palettes.context;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues and continues correlation IDs. Resume rules, in order:
 *
 * <ol>
 *   <li>a presented correlation ID that is known is continued, unless it is bound to a different identity than the
 *       one now presented; if it has no identity yet, the presented one is bound to it;
 *   <li>an identity that had an interaction active within the resume window continues the most recent one;
 *   <li>otherwise a new interaction starts under a new random ID. An unknown presented ID is never adopted: a client
 *       cannot choose an ID, and so cannot guess its way into someone else's interaction.
 * </ol>
 *
 * Resolves of one identity are serialized (PostgreSQL advisory lock), so two devices arriving at once share one
 * interaction.
 */
@Service
public class CorrelationService {

    private static final String ACTOR = "system";

    private final InteractionRepository interactions;
    private final TimelineService timeline;
    private final ContextProperties properties;
    private final Clock clock;

    CorrelationService(
            InteractionRepository interactions, TimelineService timeline, ContextProperties properties, Clock clock) {
        this.interactions = interactions;
        this.timeline = timeline;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Continues the customer's interaction or starts a new one, and records which on the timeline.
     *
     * @throws InvalidIdentityKeyException when the identity key is present but malformed
     */
    @Transactional
    public Resolution resolve(ResolveRequest request) {
        String identity = IdentityKeys.normalize(request.identityKey());
        // PostgreSQL keeps microseconds: stamp what will be stored, so returned and re-read values agree
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (identity != null) {
            interactions.lockIdentity(identity);
        }
        ResolveReason createReason = identity == null ? ResolveReason.NEW_CONTACT : ResolveReason.NO_RECENT_INTERACTION;
        if (request.correlationId() != null) {
            Optional<Interaction> presented = interactions.findForUpdate(request.correlationId());
            if (presented.isEmpty()) {
                createReason = ResolveReason.UNKNOWN_CORRELATION_ID;
            } else if (identity == null
                    || presented.get().identityKey() == null
                    || identity.equals(presented.get().identityKey())) {
                Interaction interaction = presented.get();
                if (interaction.identityKey() == null && identity != null) {
                    interaction.bindIdentity(identity);
                }
                return resumed(interaction, request.channel(), ResolveReason.CORRELATION_ID, now);
            } else {
                createReason = ResolveReason.IDENTITY_MISMATCH;
            }
        }
        if (identity != null) {
            Optional<Interaction> recent =
                    interactions.findFirstByIdentityKeyAndLastSeenAtGreaterThanEqualOrderByLastSeenAtDesc(
                            identity, now.minus(properties.resumeWindow()));
            if (recent.isPresent()) {
                Interaction locked = interactions
                        .findForUpdate(recent.get().correlationId())
                        .orElseThrow(() ->
                                new InteractionNotFoundException(recent.get().correlationId()));
                return resumed(locked, request.channel(), ResolveReason.IDENTITY, now);
            }
        }
        return created(identity, request.channel(), createReason, now);
    }

    /** The interaction with this correlation ID, if any. */
    @Transactional(readOnly = true)
    public Optional<InteractionSummary> find(UUID correlationId) {
        return interactions.findById(correlationId).map(InteractionSummary::of);
    }

    /**
     * The interaction with this correlation ID.
     *
     * @throws InteractionNotFoundException when there is none
     */
    @Transactional(readOnly = true)
    public InteractionSummary get(UUID correlationId) {
        return find(correlationId).orElseThrow(() -> new InteractionNotFoundException(correlationId));
    }

    private Resolution resumed(Interaction interaction, Channel channel, ResolveReason reason, Instant now) {
        interaction.resumedOn(channel, now);
        interactions.saveAndFlush(interaction);
        timeline.append(
                interaction.correlationId(),
                TimelineEventTypes.INTERACTION_RESUMED,
                ACTOR,
                "Resumed on " + channel.wireName() + " (" + describe(reason) + ")",
                Map.of("channel", channel.wireName(), "reason", reason.wireName()));
        return new Resolution(InteractionSummary.of(interaction), reason);
    }

    private Resolution created(String identity, Channel channel, ResolveReason reason, Instant now) {
        int emptyContext = new ContextDocument().sizeBytes();
        Interaction interaction =
                interactions.saveAndFlush(new Interaction(UUID.randomUUID(), identity, channel, now, emptyContext));
        timeline.append(
                interaction.correlationId(),
                TimelineEventTypes.INTERACTION_CREATED,
                ACTOR,
                "New interaction on " + channel.wireName() + " (" + describe(reason) + ")",
                Map.of("channel", channel.wireName(), "reason", reason.wireName()));
        return new Resolution(InteractionSummary.of(interaction), reason);
    }

    private static String describe(ResolveReason reason) {
        return switch (reason) {
            case CORRELATION_ID -> "same correlation ID";
            case IDENTITY -> "same customer, recently active";
            case NEW_CONTACT -> "first contact";
            case UNKNOWN_CORRELATION_ID -> "presented correlation ID unknown, not adopted";
            case IDENTITY_MISMATCH -> "presented correlation ID belongs to another customer";
            case NO_RECENT_INTERACTION -> "no recent interaction for this customer";
        };
    }
}
