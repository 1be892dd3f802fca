package dev.liaison.palettes.agent;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
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

    /** Agents whose desktop has been silent since before {@code cutoff}. */
    @Query("select a.id from Agent a where a.state <> dev.liaison.palettes.agent.AgentState.OFFLINE"
            + " and a.lastSeenAt < :cutoff")
    List<UUID> findSilentSince(@Param("cutoff") Instant cutoff);
}
