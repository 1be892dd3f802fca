package dev.liaison.palettes.routing;

import dev.liaison.palettes.agent.Agent;
import dev.liaison.palettes.agent.AgentDirectory;
import dev.liaison.palettes.agent.AgentSpec;
import dev.liaison.palettes.context.Channel;
import dev.liaison.palettes.context.CorrelationService;
import dev.liaison.palettes.context.ResolveRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** Builds skills, agents, queues and tasks for routing tests, with names unique to each test. */
@Component
class AcdFixture {

    private static final AtomicInteger sequence = new AtomicInteger();

    private final AgentDirectory directory;
    private final QueueService queues;
    private final TaskService tasks;
    private final AgentStateService states;
    private final CorrelationService correlations;
    private final AcdProperties properties;

    AcdFixture(
            AgentDirectory directory,
            QueueService queues,
            TaskService tasks,
            AgentStateService states,
            CorrelationService correlations,
            AcdProperties properties) {
        this.directory = directory;
        this.queues = queues;
        this.tasks = tasks;
        this.states = states;
        this.correlations = correlations;
        this.properties = properties;
    }

    /** A name no other test uses; also a valid attribute path segment ({@code proficiency.<skill>}). */
    String unique(String prefix) {
        return prefix + "_" + sequence.incrementAndGet() + "_"
                + UUID.randomUUID().toString().substring(0, 6);
    }

    String skill() {
        return directory.createSkill(unique("skill").toLowerCase(), null).getName();
    }

    Agent agent(String name, Map<String, Integer> skills, Map<String, Integer> capacity) {
        return directory.create(
                new AgentSpec(unique(name), name, skills, capacity, Map.of("languages", List.of("en"))),
                properties.defaultCapacity());
    }

    Agent availableAgent(String name, Map<String, Integer> skills) {
        Agent agent = agent(name, skills, null);
        return states.goAvailable(agent.getId());
    }

    Agent availableAgentState(Agent agent) {
        return states.goAvailable(agent.getId());
    }

    TaskQueue queue(String expression) {
        return queue(expression, 20, 0);
    }

    TaskQueue queue(String expression, int reservationTimeout, int wrapUp) {
        return queues.create(
                new QueueSpec(unique("queue").toLowerCase(), null, expression, reservationTimeout, wrapUp, 20));
    }

    UUID interaction() {
        return correlations
                .resolve(new ResolveRequest(null, null, Channel.CHAT))
                .interaction()
                .correlationId();
    }

    Task task(TaskQueue queue, String channel, int priority) {
        return tasks.enqueue(new NewTask(interaction(), channel, queue.getName(), null, priority, Map.of()));
    }

    Task task(String workflow, String channel, Map<String, Object> attributes) {
        return tasks.enqueue(new NewTask(interaction(), channel, null, workflow, 0, attributes));
    }
}
