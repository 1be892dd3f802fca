package dev.liaison.palettes.routing.expression;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.IntPredicate;

/**
 * Evaluates an expression tree against one agent's and one task's attributes. Evaluation never throws: a missing
 * attribute, or values of types an operator cannot compare, make the comparison false.
 */
final class Evaluator {

    private final Map<String, ?> agent;
    private final Map<String, ?> task;

    /** {@code null} attribute maps count as empty. */
    Evaluator(Map<String, ?> agent, Map<String, ?> task) {
        this.agent = agent == null ? Map.of() : agent;
        this.task = task == null ? Map.of() : task;
    }

    boolean evaluate(Expression expression) {
        if (expression instanceof Expression.Comparison comparison) {
            return holds(comparison);
        }
        if (expression instanceof Expression.And and) {
            for (Expression operand : and.operands()) {
                if (!evaluate(operand)) {
                    return false;
                }
            }
            return true;
        }
        if (expression instanceof Expression.Or or) {
            for (Expression operand : or.operands()) {
                if (evaluate(operand)) {
                    return true;
                }
            }
            return false;
        }
        if (expression instanceof Expression.Not not) {
            return !evaluate(not.operand());
        }
        return ((Expression.Constant) expression).value();
    }

    boolean holds(Expression.Comparison comparison) {
        return compare(comparison.operator(), resolve(comparison.left()), resolve(comparison.right()));
    }

    /** The value of an operand, or {@code null} when the attribute is missing (or JSON null). */
    Object resolve(Operand operand) {
        if (operand instanceof Operand.Literal literal) {
            return literal.value();
        }
        Operand.Attribute attribute = (Operand.Attribute) operand;
        return lookup(attribute.scope() == Operand.Scope.TASK ? task : agent, attribute.segments());
    }

    private static Object lookup(Map<String, ?> attributes, List<String> segments) {
        Object current = attributes;
        for (String segment : segments) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            try {
                current = map.get(segment);
            } catch (ClassCastException | NullPointerException e) {
                // A map whose keys are not strings (a TreeMap of numbers, say) has no such attribute.
                return null;
            }
        }
        return current;
    }

    /**
     * Whether {@code left operator right} holds. Every operator is false when either operand is missing; {@code !=}
     * and {@code NOT HAS}/{@code NOT IN} on scalars also need both values to be of the same type.
     */
    static boolean compare(Operator operator, Object left, Object right) {
        if (left == null || right == null) {
            return false;
        }
        return switch (operator) {
            case EQUALS -> Values.same(left, right);
            case NOT_EQUALS -> Values.comparable(left, right) && !Values.same(left, right);
            case LESS_THAN -> ordered(left, right, order -> order < 0);
            case GREATER_THAN -> ordered(left, right, order -> order > 0);
            case LESS_OR_EQUAL -> ordered(left, right, order -> order <= 0);
            case GREATER_OR_EQUAL -> ordered(left, right, order -> order >= 0);
            case HAS -> member(left, right);
            case NOT_HAS -> nonMember(left, right);
            case IN -> member(right, left);
            case NOT_IN -> nonMember(right, left);
        };
    }

    private static boolean ordered(Object left, Object right, IntPredicate test) {
        OptionalInt order = Values.order(left, right);
        return order.isPresent() && test.test(order.getAsInt());
    }

    /** {@code value} is an element of the list {@code container}, or equals it when {@code container} is a scalar. */
    private static boolean member(Object container, Object value) {
        if (container instanceof Collection<?> elements) {
            return Values.contains(elements, value);
        }
        return Values.same(container, value);
    }

    /** {@code value} is not an element of the list {@code container}, or differs from a scalar of the same type. */
    private static boolean nonMember(Object container, Object value) {
        if (container instanceof Collection<?> elements) {
            return !Values.contains(elements, value);
        }
        return compare(Operator.NOT_EQUALS, container, value);
    }
}
