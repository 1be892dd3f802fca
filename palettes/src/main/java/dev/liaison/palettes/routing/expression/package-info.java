/**
 * The routing target-expression language of the built-in ACD: queues and workflow filters select agents with
 * expressions such as {@code languages HAS task.language AND proficiency.support >= 3}.
 *
 * <p>{@link dev.liaison.palettes.routing.expression.TargetExpression} is the entry point: it parses a source text into
 * an immutable {@link dev.liaison.palettes.routing.expression.Expression} tree, evaluates it against an agent's and a
 * task's attributes and explains the outcome. Malformed sources raise
 * {@link dev.liaison.palettes.routing.expression.ExpressionSyntaxException}. The language itself is described for
 * administrators in {@code docs/routing-expressions.md}.
 */
package dev.liaison.palettes.routing.expression;
