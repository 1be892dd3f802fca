package dev.liaison.palettes.agent;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.query.Param;

public interface AgentRepository extends JpaRepository<Agent, UUID> {

    Optional<Agent> findByLogin(String login);

    boolean existsByLogin(String login);

    List<Agent> findAllByOrderByLoginAsc();

    long countByState(AgentState state);

    /** Locks one agent for a state change; waits for a concurrent change to finish. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Agent a where a.id = :id")
    Optional<Agent> lockById(@Param("id") UUID id);

    /**
     * Locks the first agents the router may offer tasks to, longest idle first. Agents another node is routing right
     * now are skipped, never waited for. Loaded read-only, as most are only looked at: make the ones to change
     * writable with {@code Session.setReadOnly(agent, false)}.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints({
        @QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"),
        @QueryHint(name = HibernateHints.HINT_READ_ONLY, value = "true")
    })
    @Query("select a from Agent a where a.state in :states order by a.idleSince asc, a.id asc")
    List<Agent> lockRoutable(@Param("states") Collection<AgentState> states, Limit limit);

    /** The next ones of {@link #lockRoutable}, after the agent at (idleSince, id); locked and read-only the same way. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints({
        @QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"),
        @QueryHint(name = HibernateHints.HINT_READ_ONLY, value = "true")
    })
    @Query("select a from Agent a where a.state in :states"
            + " and (a.idleSince > :idleSince or (a.idleSince = :idleSince and a.id > :id))"
            + " order by a.idleSince asc, a.id asc")
    List<Agent> lockRoutableAfter(
            @Param("states") Collection<AgentState> states,
            @Param("idleSince") Instant idleSince,
            @Param("id") UUID id,
            Limit limit);

    /** Agents whose desktop has been silent since before {@code cutoff}. */
    @Query("select a.id from Agent a where a.state <> dev.liaison.palettes.agent.AgentState.OFFLINE"
            + " and a.lastSeenAt < :cutoff")
    List<UUID> findSilentSince(@Param("cutoff") Instant cutoff);
}
