package dev.liaison.palettes.routing;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ReservationRepository extends JpaRepository<Reservation, UUID> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from Reservation r where r.id = :id")
    Optional<Reservation> lockById(@Param("id") UUID id);

    Optional<Reservation> findByTaskIdAndStatus(UUID taskId, ReservationStatus status);

    Optional<Reservation> findByAgentIdAndStatus(UUID agentId, ReservationStatus status);

    List<Reservation> findByTaskIdOrderByCreatedAtAsc(UUID taskId);

    /**
     * Offers past their deadline, oldest first, as references only: the caller locks the task, then the reservation,
     * and reads the reservation's state under that lock.
     */
    @Query("select r.id as id, r.taskId as taskId, r.agentId as agentId from Reservation r"
            + " where r.status = dev.liaison.palettes.routing.ReservationStatus.PENDING and r.expiresAt <= :now"
            + " order by r.expiresAt")
    List<Ref> findExpired(@Param("now") Instant now, org.springframework.data.domain.Pageable page);

    /** The task and agent of an offer, without loading it (its state is read later, under lock). */
    @Query("select r.id as id, r.taskId as taskId, r.agentId as agentId from Reservation r where r.id = :id")
    Optional<Ref> refOf(@Param("id") UUID id);

    /** The pending offer an agent holds, as a reference. */
    @Query("select r.id as id, r.taskId as taskId, r.agentId as agentId from Reservation r"
            + " where r.agentId = :agent and r.status = dev.liaison.palettes.routing.ReservationStatus.PENDING")
    Optional<Ref> pendingRefOf(@Param("agent") UUID agentId);

    /** Identity of an offer: which task, which agent. */
    interface Ref {
        UUID getId();

        UUID getTaskId();

        UUID getAgentId();
    }

    long countByStatus(ReservationStatus status);
}
