package dev.liaison.palettes.routing;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TaskQueueRepository extends JpaRepository<TaskQueue, UUID> {

    Optional<TaskQueue> findByName(String name);

    boolean existsByName(String name);

    List<TaskQueue> findAllByOrderByNameAsc();
}
