package dev.liaison.palettes.routing;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface TaskRepository extends JpaRepository<Task, UUID> {

    /** Locks one task for a change; waits for a concurrent change to finish. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from Task t where t.id = :id")
    Optional<Task> lockById(@Param("id") UUID id);

    /** Waiting tasks whose workflow target timed out, locked, skipping those another node is handling. */
    @Query(
            value = "SELECT * FROM task WHERE status = 'PENDING' AND target_deadline <= :now"
                    + " ORDER BY target_deadline LIMIT :limit FOR UPDATE SKIP LOCKED",
            nativeQuery = true)
    List<Task> lockEscalationDue(@Param("now") Instant now, @Param("limit") int limit);

    /** Tasks in wrap-up whose time ran out, locked, skipping those another node is handling. */
    @Query(
            value = "SELECT * FROM task WHERE status = 'WRAPPING' AND wrap_up_until <= :now"
                    + " ORDER BY wrap_up_until LIMIT :limit FOR UPDATE SKIP LOCKED",
            nativeQuery = true)
    List<Task> lockWrapUpExpired(@Param("now") Instant now, @Param("limit") int limit);

    List<Task> findByAgentIdAndStatusIn(UUID agentId, Collection<TaskStatus> statuses);

    long countByAgentIdAndStatus(UUID agentId, TaskStatus status);

    List<Task> findByCorrelationIdOrderByCreatedAtAsc(UUID correlationId);

    List<Task> findByQueueIdAndStatusInOrderByPriorityDescCreatedAtAsc(
            UUID queueId, Collection<TaskStatus> statuses, Pageable page);

    long countByQueueIdAndStatusIn(UUID queueId, Collection<TaskStatus> statuses);
}
