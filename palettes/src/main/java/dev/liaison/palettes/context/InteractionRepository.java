package dev.liaison.palettes.context;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface InteractionRepository extends JpaRepository<Interaction, UUID> {

    /** Loads and locks the interaction row ({@code SELECT ... FOR UPDATE}) until the transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Interaction i where i.correlationId = :correlationId")
    Optional<Interaction> findForUpdate(@Param("correlationId") UUID correlationId);

    /** The most recently active interaction of an identity, if it was active at or after {@code activeSince}. */
    Optional<Interaction> findFirstByIdentityKeyAndLastSeenAtGreaterThanEqualOrderByLastSeenAtDesc(
            String identityKey, Instant activeSince);

    /**
     * Serializes resolves of one identity until the transaction ends, so that two devices of the same customer
     * arriving at once end up on one interaction instead of two. A PostgreSQL transaction-level advisory lock on a
     * 64-bit hash of the identity.
     */
    @Query(
            value = "select 1 from pg_advisory_xact_lock(hashtextextended('liaison.identity:' || :identityKey, 0))",
            nativeQuery = true)
    int lockIdentity(@Param("identityKey") String identityKey);
}
