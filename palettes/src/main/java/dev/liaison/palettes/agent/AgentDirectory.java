package dev.liaison.palettes.agent;

import dev.liaison.palettes.web.ApiException;
import dev.liaison.palettes.web.ConflictException;
import dev.liaison.palettes.web.NotFoundException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who the agents are and what they can do: agents, their skills and capacity; skills themselves. */
@Service
public class AgentDirectory {

    private final AgentRepository agents;
    private final SkillRepository skills;
    private final Clock clock;

    AgentDirectory(AgentRepository agents, SkillRepository skills, Clock clock) {
        this.agents = agents;
        this.skills = skills;
        this.clock = clock;
    }

    @Transactional
    public Skill createSkill(String name, String description) {
        if (skills.existsById(name)) {
            throw new ConflictException("skill.exists", "skill '" + name + "' already exists");
        }
        return skills.save(new Skill(name, description, clock.instant()));
    }

    @Transactional(readOnly = true)
    public List<Skill> skills() {
        return skills.findAll(org.springframework.data.domain.Sort.by("name"));
    }

    /** Creates an agent, signed out, with the given capacity or {@code defaultCapacity}. */
    @Transactional
    public Agent create(AgentSpec spec, Map<String, Integer> defaultCapacity) {
        if (agents.existsByLogin(spec.login())) {
            throw new ConflictException("agent.exists", "an agent with login '" + spec.login() + "' already exists");
        }
        Agent agent = new Agent(UUID.randomUUID(), spec.login(), spec.displayName(), clock.instant());
        apply(agent, spec, defaultCapacity);
        return agents.save(agent);
    }

    /** Replaces an agent's name, attributes, skills and capacity; their state is untouched. */
    @Transactional
    public Agent update(UUID id, AgentSpec spec, Map<String, Integer> defaultCapacity) {
        Agent agent = agents.lockById(id).orElseThrow(() -> new NotFoundException("agent", id));
        if (!agent.getLogin().equals(spec.login())) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "request.invalid",
                    "login cannot change",
                    Map.of("errors", List.of(Map.of("field", "login", "message", "cannot change"))));
        }
        apply(agent, spec, defaultCapacity);
        return agent;
    }

    private void apply(Agent agent, AgentSpec spec, Map<String, Integer> defaultCapacity) {
        Map<String, Integer> levels = spec.skills() == null ? Map.of() : spec.skills();
        for (String skill : levels.keySet()) {
            if (!skills.existsById(skill)) {
                throw new ApiException(
                        HttpStatus.UNPROCESSABLE_ENTITY,
                        "skill.unknown",
                        "no skill named '" + skill + "'",
                        Map.of("skill", skill));
            }
        }
        agent.setDisplayName(spec.displayName());
        agent.setAttributes(spec.attributes() == null ? Map.of() : spec.attributes());
        agent.setSkills(levels);
        Map<String, Integer> capacity = new HashMap<>(defaultCapacity);
        if (spec.capacity() != null) {
            capacity.putAll(spec.capacity());
        }
        agent.setCapacity(capacity);
    }

    @Transactional(readOnly = true)
    public Agent get(UUID id) {
        return agents.findById(id).orElseThrow(() -> new NotFoundException("agent", id));
    }

    @Transactional(readOnly = true)
    public Agent byLogin(String login) {
        return agents.findByLogin(login).orElseThrow(() -> new NotFoundException("agent", login));
    }

    @Transactional(readOnly = true)
    public List<Agent> all() {
        return agents.findAllByOrderByLoginAsc();
    }
}
