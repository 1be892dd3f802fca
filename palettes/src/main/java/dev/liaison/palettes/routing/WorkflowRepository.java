package dev.liaison.palettes.routing;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface WorkflowRepository extends JpaRepository<Workflow, UUID> {

    Optional<Workflow> findByName(String name);

    boolean existsByName(String name);

    List<Workflow> findAllByOrderByNameAsc();
}
