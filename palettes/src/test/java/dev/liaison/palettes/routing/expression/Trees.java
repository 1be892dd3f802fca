package dev.liaison.palettes.routing.expression;

import dev.liaison.palettes.routing.expression.Expression.Comparison;
import dev.liaison.palettes.routing.expression.Operand.Attribute;
import dev.liaison.palettes.routing.expression.Operand.Literal;

/** Short builders for expression trees in tests. */
final class Trees {

    private Trees() {}

    static Expression tree(String source) {
        return TargetExpression.parse(source).tree();
    }

    static Comparison compare(Operand left, Operator operator, Operand right) {
        return new Comparison(left, operator, right);
    }

    /** {@code path == value} for an agent path such as {@code "proficiency.support"}. */
    static Comparison agentEquals(String path, Object value) {
        return compare(Attribute.agent(path.split("\\.")), Operator.EQUALS, Literal.of(value));
    }

    static Attribute agent(String path) {
        return Attribute.agent(path.split("\\."));
    }

    static Attribute task(String path) {
        return Attribute.task(path.split("\\."));
    }

    static Literal literal(Object value) {
        return Literal.of(value);
    }
}
