package dev.liaison.palettes.routing;

import dev.liaison.palettes.routing.expression.TargetExpression;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Parsed target expressions by source text, so routing never parses the same expression twice. */
@Component
public class ExpressionCache {

    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, TargetExpression> parsed = new ConcurrentHashMap<>();

    /** The parsed expression; throws {@code ExpressionSyntaxException} (400, with the column) when it is invalid. */
    public TargetExpression get(String source) {
        TargetExpression cached = parsed.get(source);
        if (cached != null) {
            return cached;
        }
        TargetExpression expression = TargetExpression.parse(source);
        if (parsed.size() >= MAX_ENTRIES) {
            parsed.clear();
        }
        parsed.put(source, expression);
        return expression;
    }
}
