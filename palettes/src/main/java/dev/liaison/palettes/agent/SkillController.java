package dev.liaison.palettes.agent;

import dev.liaison.palettes.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/skills")
@Tag(name = "Skills", description = "Skills agents have and tasks ask for")
class SkillController {

    private final AgentDirectory directory;

    SkillController(AgentDirectory directory) {
        this.directory = directory;
    }

    record SkillSpec(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9_.-]{0,63}") String name,
            @Size(max = 500) String description) {}

    record SkillView(String name, String description) {}

    @PreAuthorize(Access.READ)
    @GetMapping
    @Operation(summary = "All skills, by name")
    List<SkillView> list() {
        return directory.skills().stream()
                .map(skill -> new SkillView(skill.getName(), skill.getDescription()))
                .toList();
    }

    @PreAuthorize(Access.ADMIN)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a skill")
    SkillView create(@Valid @RequestBody SkillSpec spec) {
        Skill skill = directory.createSkill(spec.name(), spec.description());
        return new SkillView(skill.getName(), skill.getDescription());
    }
}
