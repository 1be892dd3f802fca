package dev.liaison.palettes.context;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface TimelineEventRepository extends JpaRepository<StoredTimelineEvent, Long> {

    List<StoredTimelineEvent> findByCorrelationIdAndIdGreaterThanOrderByIdAsc(
            UUID correlationId, long afterId, Limit limit);

    long countByCorrelationId(UUID correlationId);
}
