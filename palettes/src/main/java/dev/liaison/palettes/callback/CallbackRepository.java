package dev.liaison.palettes.callback;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CallbackRepository extends JpaRepository<Callback, UUID> {

    /** Locks one callback for a transition; waits for a concurrent one to finish. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Callback c where c.id = :id")
    Optional<Callback> lockById(@Param("id") UUID id);

    /** Locks the callback whose current attempt is this task, if any. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Callback c where c.taskId = :taskId")
    List<Callback> lockByTaskId(@Param("taskId") UUID taskId);

    /**
     * The callback's current task, read without loading the entity, so that the task can be locked before the
     * callback is (the lock order) and the callback is then read fresh under its lock.
     */
    @Query("select c.id as id, c.taskId as taskId from Callback c where c.id = :id")
    Optional<Ref> refOf(@Param("id") UUID id);

    List<Callback> findByCorrelationIdOrderByRequestedAtAscIdAsc(UUID correlationId);

    /** A callback's id and current task. */
    interface Ref {
        UUID getId();

        UUID getTaskId();
    }
}
