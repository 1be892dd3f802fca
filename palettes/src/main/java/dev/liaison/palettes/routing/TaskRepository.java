package dev.liaison.palettes.routing;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.query.Param;

public interface TaskRepository extends JpaRepository<Task, UUID> {

    /** Locks one task for a change; waits for a concurrent change to finish. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from Task t where t.id = :id")
    Optional<Task> lockById(@Param("id") UUID id);

    /**
     * Waiting tasks in routing order (highest priority, then oldest), locked; tasks another node is routing right now
     * are skipped. Native so that the lock clause is exactly {@code FOR UPDATE SKIP LOCKED}. Loaded read-only, as most
     * are only looked at: make the ones to change writable with {@code Session.setReadOnly(task, false)}.
     */
    @QueryHints(@QueryHint(name = HibernateHints.HINT_READ_ONLY, value = "true"))
    @Query(
            value = "SELECT * FROM task WHERE status = 'PENDING' ORDER BY priority DESC, created_at, id"
                    + " LIMIT :limit FOR UPDATE SKIP LOCKED",
            nativeQuery = true)
    List<Task> lockWaiting(@Param("limit") int limit);

    /** The next page of {@link #lockWaiting}, after the task at (priority, createdAt, id); read-only as well. */
    @QueryHints(@QueryHint(name = HibernateHints.HINT_READ_ONLY, value = "true"))
    @Query(
            value = "SELECT * FROM task WHERE status = 'PENDING'"
                    + " AND (priority < :priority OR (priority = :priority AND (created_at, id) > (:createdAt, :id)))"
                    + " ORDER BY priority DESC, created_at, id LIMIT :limit FOR UPDATE SKIP LOCKED",
            nativeQuery = true)
    List<Task> lockWaitingAfter(
            @Param("priority") int priority,
            @Param("createdAt") Instant createdAt,
            @Param("id") UUID id,
            @Param("limit") int limit);

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

    /** Occupancy: active tasks per agent and channel, for the agents given. */
    @Query("select t.agentId as agentId, t.channel as channel, count(t) as tasks from Task t"
            + " where t.agentId in :agents and t.status in (dev.liaison.palettes.routing.TaskStatus.ASSIGNED,"
            + " dev.liaison.palettes.routing.TaskStatus.WRAPPING) group by t.agentId, t.channel")
    List<Occupancy> occupancyOf(@Param("agents") Collection<UUID> agents);

    /** One row of {@link #occupancyOf}. */
    interface Occupancy {
        UUID getAgentId();

        String getChannel();

        long getTasks();
    }
}
