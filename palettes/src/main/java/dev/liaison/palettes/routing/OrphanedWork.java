package dev.liaison.palettes.routing;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Ends tasks still assigned to an agent who has been signed out (by themselves or because their desktop went silent)
 * for longer than {@code liaison.acd.orphan-timeout}: without the agent's desktop there is no conversation left, and a
 * task must not stay assigned forever. Each task ends in its own transaction through {@link TaskService#end}.
 */
@Component
class OrphanedWork {

    private static final Logger log = LoggerFactory.getLogger(OrphanedWork.class);

    private final EntityManager entities;
    private final TaskService tasks;
    private final AcdProperties properties;
    private final Clock clock;

    OrphanedWork(EntityManager entities, TaskService tasks, AcdProperties properties, Clock clock) {
        this.entities = entities;
        this.tasks = tasks;
        this.properties = properties;
        this.clock = clock;
    }

    /** Returns how many orphaned tasks were ended. */
    int endOrphans(int limit) {
        Instant cutoff = clock.instant().minus(properties.orphanTimeout());
        List<UUID> orphans = entities.createQuery(
                        "select t.id from Task t, dev.liaison.palettes.agent.Agent a where a.id = t.agentId"
                                + " and t.status = dev.liaison.palettes.routing.TaskStatus.ASSIGNED"
                                + " and a.state = dev.liaison.palettes.agent.AgentState.OFFLINE and a.stateSince < :cutoff",
                        UUID.class)
                .setParameter("cutoff", cutoff)
                .setMaxResults(limit)
                .getResultList();
        int ended = 0;
        for (UUID task : orphans) {
            try {
                tasks.end(task, "system:agent-lost");
                ended++;
            } catch (RuntimeException e) {
                log.debug("Orphaned task {} changed meanwhile: {}", task, e.toString());
            }
        }
        return ended;
    }
}
