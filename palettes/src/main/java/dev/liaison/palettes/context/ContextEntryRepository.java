package dev.liaison.palettes.context;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ContextEntryRepository extends JpaRepository<ContextEntry, Long> {

    /** Every stored value of an interaction, in write order (page views oldest first). */
    List<ContextEntry> findByCorrelationIdOrderByIdAsc(UUID correlationId);
}
