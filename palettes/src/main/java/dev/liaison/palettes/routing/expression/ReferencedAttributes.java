package dev.liaison.palettes.routing.expression;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The attribute paths an expression reads, as dotted paths without their {@code task.} or {@code worker.} prefix, each
 * once, in the order they first appear. Useful to validate an expression against known attributes and to index agents.
 *
 * @param agent paths into the agent's attributes, such as {@code proficiency.support}
 * @param task paths into the task's attributes, such as {@code language} for {@code task.language}
 */
public record ReferencedAttributes(Set<String> agent, Set<String> task) {

    public ReferencedAttributes {
        agent = Collections.unmodifiableSet(new LinkedHashSet<>(agent));
        task = Collections.unmodifiableSet(new LinkedHashSet<>(task));
    }

    static ReferencedAttributes of(Expression expression) {
        Set<String> agent = new LinkedHashSet<>();
        Set<String> task = new LinkedHashSet<>();
        collect(expression, agent, task);
        return new ReferencedAttributes(agent, task);
    }

    private static void collect(Expression expression, Set<String> agent, Set<String> task) {
        if (expression instanceof Expression.Comparison comparison) {
            for (Operand operand : List.of(comparison.left(), comparison.right())) {
                if (operand instanceof Operand.Attribute attribute) {
                    (attribute.scope() == Operand.Scope.TASK ? task : agent).add(attribute.path());
                }
            }
        } else if (expression instanceof Expression.And and) {
            and.operands().forEach(operand -> collect(operand, agent, task));
        } else if (expression instanceof Expression.Or or) {
            or.operands().forEach(operand -> collect(operand, agent, task));
        } else if (expression instanceof Expression.Not not) {
            collect(not.operand(), agent, task);
        }
    }
}
