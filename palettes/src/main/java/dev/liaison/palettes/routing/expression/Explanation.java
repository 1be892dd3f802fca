package dev.liaison.palettes.routing.expression;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Why an agent matched a target expression or not, for routing transparency (shown to administrators in a contact's
 * timeline, such as {@code agent 42 skipped: languages HAS task.language was false (languages=['en'],
 * task.language='fr')}).
 *
 * <p>The reasons are the smallest conditions that decided the outcome: for a failed {@code AND}, the first condition
 * that was false; for a failed {@code OR}, every alternative; for a successful {@code OR}, the first alternative that
 * held; for a successful {@code AND}, all its conditions. Under {@code NOT}, a reason carries the outcome of the
 * condition itself, so a failed {@code NOT languages HAS 'de'} is explained by {@code languages HAS 'de'} being true.
 *
 * @param matched whether the agent matched the expression
 * @param reasons the deciding conditions, in the order they appear in the expression; never empty
 */
public record Explanation(boolean matched, List<Reason> reasons) {

    public Explanation {
        reasons = List.copyOf(reasons);
    }

    /** The reasons as one line of text, separated by semicolons. */
    public String summary() {
        return reasons.stream().map(Reason::text).collect(Collectors.joining("; "));
    }

    /** {@code matched: <summary>} or {@code did not match: <summary>}. */
    @Override
    public String toString() {
        return (matched ? "matched: " : "did not match: ") + summary();
    }

    /**
     * One condition that decided the outcome.
     *
     * @param condition the condition: a {@link Expression.Comparison} or a {@link Expression.Constant}
     * @param outcome what the condition evaluated to
     * @param observed the attribute values it saw, by canonical path ({@code languages}, {@code task.language}),
     *     written as in the language; a missing attribute shows as {@code missing}
     */
    public record Reason(Expression condition, boolean outcome, Map<String, String> observed) {

        public Reason {
            Objects.requireNonNull(condition, "condition");
            observed = Collections.unmodifiableMap(new LinkedHashMap<>(observed));
        }

        /**
         * The reason as text: {@code languages HAS task.language was false (languages=['en'], task.language='fr')},
         * or {@code false never matches} for a constant.
         */
        public String text() {
            if (condition instanceof Expression.Constant constant) {
                return constant.value() ? "true always matches" : "false never matches";
            }
            String text = condition + " was " + outcome;
            if (observed.isEmpty()) {
                return text;
            }
            return text
                    + observed.entrySet().stream()
                            .map(entry -> entry.getKey() + "=" + entry.getValue())
                            .collect(Collectors.joining(", ", " (", ")"));
        }

        @Override
        public String toString() {
            return text();
        }
    }
}
