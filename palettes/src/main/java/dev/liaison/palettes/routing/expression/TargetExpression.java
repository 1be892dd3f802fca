package dev.liaison.palettes.routing.expression;

import java.util.Map;
import java.util.Objects;

/**
 * A compiled routing target expression, such as {@code languages HAS task.language AND proficiency.support >= 3}, that
 * selects the agents a queue or workflow filter may offer a task to.
 *
 * <p>Instances are immutable and thread-safe: parse a source once and evaluate it for any number of agents and tasks.
 * Two instances are equal when their trees are equal, whatever spacing, letter case or quoting their sources used.
 */
public final class TargetExpression {

    /** The longest source accepted, in characters. */
    public static final int MAX_LENGTH = 4096;

    /** The deepest nesting of parentheses and NOT accepted. */
    public static final int MAX_DEPTH = 64;

    private final String source;
    private final Expression tree;
    private final String canonical;
    private final ReferencedAttributes referencedAttributes;

    private TargetExpression(String source, Expression tree) {
        this.source = source;
        this.tree = tree;
        this.canonical = tree.toString();
        this.referencedAttributes = ReferencedAttributes.of(tree);
    }

    /**
     * Parses {@code source}.
     *
     * @throws ExpressionSyntaxException if the source is empty, longer than {@value #MAX_LENGTH} characters, nests
     *     deeper than {@value #MAX_DEPTH} levels or is not a valid expression; its message names the column at fault
     */
    public static TargetExpression parse(String source) {
        Objects.requireNonNull(source, "source");
        if (source.length() > MAX_LENGTH) {
            throw ExpressionSyntaxException.problem(
                    source,
                    MAX_LENGTH,
                    "the expression goes past the limit of " + MAX_LENGTH + " characters",
                    null,
                    "it is " + source.length() + " characters long");
        }
        return new TargetExpression(source, Parser.parse(source, MAX_DEPTH));
    }

    /** An expression for a tree built in code; its source is the canonical text. */
    static TargetExpression of(Expression tree) {
        return new TargetExpression(tree.toString(), Objects.requireNonNull(tree, "tree"));
    }

    /** Whether the agent with {@code agentAttributes} matches for a task with {@code taskAttributes}. */
    public boolean matches(Map<String, ?> agentAttributes, Map<String, ?> taskAttributes) {
        return new Evaluator(agentAttributes, taskAttributes).evaluate(tree);
    }

    /** Whether the agent matches, and which conditions decided it, with the attribute values they saw. */
    public Explanation explain(Map<String, ?> agentAttributes, Map<String, ?> taskAttributes) {
        return new Explainer(new Evaluator(agentAttributes, taskAttributes)).explain(tree);
    }

    /** The attribute paths the expression reads from agents and from tasks. */
    public ReferencedAttributes referencedAttributes() {
        return referencedAttributes;
    }

    /** The syntax tree. */
    public Expression tree() {
        return tree;
    }

    /** The source text as given to {@link #parse(String)}. */
    public String source() {
        return source;
    }

    /**
     * The canonical text: upper-case keywords, single spaces, single-quoted strings, {@code true} for {@code ALL} and
     * {@code *}, and parentheses around every AND or OR nested in another operator. It parses back to an equal
     * expression.
     */
    public String canonical() {
        return canonical;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TargetExpression expression && tree.equals(expression.tree);
    }

    @Override
    public int hashCode() {
        return tree.hashCode();
    }

    /** The {@link #canonical() canonical text}. */
    @Override
    public String toString() {
        return canonical;
    }
}
