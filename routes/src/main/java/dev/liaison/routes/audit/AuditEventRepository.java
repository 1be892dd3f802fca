package dev.liaison.routes.audit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AuditEventRepository extends JpaRepository<AuditEvent, Long> {

    List<AuditEvent> findBySubjectOrderByIdAsc(String subject);

    long countByAction(String action);
}
