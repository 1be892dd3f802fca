package dev.liaison.palettes.routing;

import dev.liaison.palettes.routing.expression.TargetExpression;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a task is routed right now: its queue, the agent conditions (the queue's expression and the workflow target's
 * extra one), and how long the task waits here.
 *
 * @param filter workflow filter that routes the task, null without a workflow
 * @param targetIndex position of the target within the filter
 * @param timeout time before escalation to the next target, null when there is none
 */
public record RoutingTarget(
        TaskQueue queue,
        String filter,
        int targetIndex,
        List<TargetExpression> conditions,
        Integer priority,
        Duration timeout,
        boolean skipIfNoAgents) {

    /** Whether an agent with these routing attributes may take a task with these. */
    public boolean admits(Map<String, ?> agent, Map<String, ?> task) {
        for (TargetExpression condition : conditions) {
            if (!condition.matches(agent, task)) {
                return false;
            }
        }
        return true;
    }

    /** Why an agent is not admitted: the first failing condition, explained; null when admitted. */
    public String whyNot(Map<String, ?> agent, Map<String, ?> task) {
        for (TargetExpression condition : conditions) {
            if (!condition.matches(agent, task)) {
                return condition.explain(agent, task).summary();
            }
        }
        return null;
    }

    /** The conditions as text, for explanations. */
    public String conditionText() {
        List<String> parts = new ArrayList<>();
        conditions.forEach(condition -> parts.add(condition.canonical()));
        return String.join(" AND ", parts);
    }
}
