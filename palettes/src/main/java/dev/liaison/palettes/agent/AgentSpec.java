package dev.liaison.palettes.agent;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * What an admin says about an agent.
 *
 * @param login unique sign-in name
 * @param skills skill name to proficiency (1 to 10)
 * @param capacity tasks at once per channel ({@code voice}, {@code video}, {@code chat}, {@code callback}); channels
 *     left out take the configured default
 * @param attributes free-form facts target expressions can read (languages, team, ...)
 */
@Schema(description = "An agent as an admin configures it")
public record AgentSpec(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.@-]{0,99}") String login,
        @NotBlank @Size(max = 200) String displayName,
        @Size(max = 100) Map<@Pattern(regexp = "[a-z0-9][a-z0-9_.-]{0,63}") String, @Min(1) @Max(10) Integer> skills,
        Map<@Pattern(regexp = "voice|video|chat|callback") String, @Min(0) @Max(50) Integer> capacity,
        @Size(max = 100) Map<@Pattern(regexp = "[A-Za-z_][A-Za-z0-9_]{0,63}") String, Object> attributes) {}
