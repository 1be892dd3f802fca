package dev.liaison.palettes.security;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface UserAccountRepository extends JpaRepository<UserAccount, UUID> {

    Optional<UserAccount> findByUsername(String username);

    boolean existsByUsername(String username);

    Optional<UserAccount> findByAgentId(UUID agentId);

    List<UserAccount> findAllByOrderByUsernameAsc();

    /** Whether any enabled user holds {@code role}. */
    @Query("select count(u) > 0 from UserAccount u join u.roles r where u.enabled = true and r = :role")
    boolean existsEnabledWithRole(@Param("role") Role role);

    /** Whether an enabled user other than {@code id} holds {@code role}. */
    @Query("select count(u) > 0 from UserAccount u join u.roles r where u.enabled = true and r = :role and u.id <> :id")
    boolean existsOtherEnabledWithRole(@Param("role") Role role, @Param("id") UUID id);
}
