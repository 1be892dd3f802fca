package dev.liaison.palettes.routing.expression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Evaluates an expression like {@link Evaluator} and collects the conditions that decided the outcome. */
final class Explainer {

    /** Longest value shown in a reason; longer values are cut with an ellipsis. */
    static final int MAX_VALUE_LENGTH = 80;

    private final Evaluator evaluator;

    Explainer(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    Explanation explain(Expression expression) {
        Outcome outcome = outcome(expression);
        return new Explanation(outcome.value, outcome.reasons);
    }

    private record Outcome(boolean value, List<Explanation.Reason> reasons) {}

    private Outcome outcome(Expression expression) {
        if (expression instanceof Expression.Comparison comparison) {
            boolean holds = evaluator.holds(comparison);
            return new Outcome(holds, List.of(new Explanation.Reason(comparison, holds, observed(comparison))));
        }
        if (expression instanceof Expression.Constant constant) {
            return new Outcome(constant.value(), List.of(new Explanation.Reason(constant, constant.value(), Map.of())));
        }
        if (expression instanceof Expression.Not not) {
            Outcome operand = outcome(not.operand());
            return new Outcome(!operand.value, operand.reasons);
        }
        boolean isAnd = expression instanceof Expression.And;
        List<Expression> operands =
                isAnd ? ((Expression.And) expression).operands() : ((Expression.Or) expression).operands();
        // AND is decided by its first false operand, OR by its first true one; otherwise by all of them.
        boolean deciding = !isAnd;
        List<Explanation.Reason> all = new ArrayList<>();
        for (Expression operand : operands) {
            Outcome outcome = outcome(operand);
            if (outcome.value == deciding) {
                return outcome;
            }
            all.addAll(outcome.reasons);
        }
        return new Outcome(!deciding, all);
    }

    private Map<String, String> observed(Expression.Comparison comparison) {
        Map<String, String> observed = new LinkedHashMap<>();
        for (Operand operand : List.of(comparison.left(), comparison.right())) {
            if (operand instanceof Operand.Attribute attribute) {
                observed.put(attribute.toString(), shorten(Values.render(evaluator.resolve(attribute))));
            }
        }
        return observed;
    }

    private static String shorten(String value) {
        return value.length() <= MAX_VALUE_LENGTH ? value : value.substring(0, MAX_VALUE_LENGTH - 1) + "…";
    }
}
