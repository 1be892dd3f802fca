package dev.liaison.palettes.routing.expression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.palettes.routing.expression.Expression.And;
import dev.liaison.palettes.routing.expression.Expression.Comparison;
import dev.liaison.palettes.routing.expression.Expression.Constant;
import dev.liaison.palettes.routing.expression.Expression.Not;
import dev.liaison.palettes.routing.expression.Expression.Or;
import dev.liaison.palettes.routing.expression.Operand.Attribute;
import dev.liaison.palettes.routing.expression.Operand.Literal;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

class TargetExpressionPropertiesTest {

    // --- Properties of the syntax ---

    @Property
    void parsingTheCanonicalTextGivesAnEqualTree(@ForAll("expressions") Expression tree) {
        String canonical = TargetExpression.of(tree).canonical();

        assertThat(TargetExpression.parse(canonical).tree()).isEqualTo(tree);
    }

    @Property
    void canonicalTextIsStableUnderReparsing(@ForAll("expressions") Expression tree) {
        String canonical = TargetExpression.of(tree).canonical();

        assertThat(TargetExpression.parse(canonical).canonical()).isEqualTo(canonical);
    }

    @Property
    void anyInputEitherParsesOrFailsWithASyntaxErrorInsideTheInput(@ForAll("grammarSoup") String source) {
        assertParsesOrFailsCleanly(source);
    }

    @Property
    void tokenSequencesEitherParseOrFailWithASyntaxError(@ForAll("tokenSoup") String source) {
        assertParsesOrFailsCleanly(source);
    }

    @Property
    void slightlyBrokenExpressionsEitherParseOrFailWithASyntaxError(@ForAll("mutants") String source) {
        assertParsesOrFailsCleanly(source);

        Statistics.coverage(coverage -> {
            coverage.check("parsed").percentage(percent -> percent > 10);
            coverage.check("syntax error").percentage(percent -> percent > 10);
        });
    }

    @Property(tries = 300)
    void arbitraryUnicodeInputEitherParsesOrFailsWithASyntaxError(@ForAll("anyText") String source) {
        assertParsesOrFailsCleanly(source);
    }

    @Property(tries = 100)
    void nestingWithinTheLimitParsesAndBeyondItFails(@ForAll @IntRange(min = 1, max = 100) int depth) {
        String source = "(".repeat(depth) + "NOT a == 1" + ")".repeat(depth);
        boolean withinLimit = depth + 1 <= TargetExpression.MAX_DEPTH;

        ParseOutcome outcome = ParseOutcome.of(source);

        assertThat(outcome.parsed()).isEqualTo(withinLimit);
    }

    private static void assertParsesOrFailsCleanly(String source) {
        ParseOutcome outcome = ParseOutcome.of(source);
        Statistics.collect(outcome.parsed() ? "parsed" : "syntax error");
        if (outcome.parsed()) {
            TargetExpression reparsed =
                    TargetExpression.parse(outcome.expression().canonical());
            assertThat(reparsed).isEqualTo(outcome.expression());
        } else {
            int codePoints = source.codePointCount(0, source.length());
            assertThat(outcome.error().column()).isBetween(1, codePoints + 1);
            assertThat(outcome.error().getMessage())
                    .contains("at column " + outcome.error().column());
        }
    }

    /** Parses, letting only syntax errors through: any other exception fails the property. */
    private record ParseOutcome(TargetExpression expression, ExpressionSyntaxException error) {

        static ParseOutcome of(String source) {
            try {
                return new ParseOutcome(TargetExpression.parse(source), null);
            } catch (ExpressionSyntaxException e) {
                return new ParseOutcome(null, e);
            }
        }

        boolean parsed() {
            return expression != null;
        }
    }

    // --- Properties of the evaluation ---

    @Property
    void notIsTheNegation(
            @ForAll("expressions") Expression tree,
            @ForAll("agents") Map<String, Object> agent,
            @ForAll("tasks") Map<String, Object> task) {
        assertThat(matches(new Not(tree), agent, task)).isEqualTo(!matches(tree, agent, task));
    }

    @Property
    void andIsCommutative(
            @ForAll("expressions") Expression left,
            @ForAll("expressions") Expression right,
            @ForAll("agents") Map<String, Object> agent,
            @ForAll("tasks") Map<String, Object> task) {
        assertThat(matches(And.of(left, right), agent, task)).isEqualTo(matches(And.of(right, left), agent, task));
    }

    @Property
    void orIsCommutative(
            @ForAll("expressions") Expression left,
            @ForAll("expressions") Expression right,
            @ForAll("agents") Map<String, Object> agent,
            @ForAll("tasks") Map<String, Object> task) {
        assertThat(matches(Or.of(left, right), agent, task)).isEqualTo(matches(Or.of(right, left), agent, task));
    }

    @Property
    void deMorganHolds(
            @ForAll("expressions") Expression left,
            @ForAll("expressions") Expression right,
            @ForAll("agents") Map<String, Object> agent,
            @ForAll("tasks") Map<String, Object> task) {
        boolean notAnd = matches(new Not(And.of(left, right)), agent, task);
        boolean orOfNots = matches(Or.of(new Not(left), new Not(right)), agent, task);

        assertThat(notAnd).isEqualTo(orOfNots);
    }

    @Property
    void explanationAgreesWithMatchesAndNamesConditionsOfTheExpression(
            @ForAll("expressions") Expression tree,
            @ForAll("agents") Map<String, Object> agent,
            @ForAll("tasks") Map<String, Object> task) {
        TargetExpression expression = TargetExpression.of(tree);

        Explanation explanation = expression.explain(agent, task);

        assertThat(explanation.matched()).isEqualTo(expression.matches(agent, task));
        assertThat(explanation.reasons()).isNotEmpty();
        for (Explanation.Reason reason : explanation.reasons()) {
            assertThat(expression.canonical()).contains(reason.condition().toString());
            assertThat(TargetExpression.of(reason.condition()).matches(agent, task))
                    .isEqualTo(reason.outcome());
        }
    }

    @Property
    void everyComparisonWithAMissingOperandIsFalse(
            @ForAll Operator operator, @ForAll("literals") Literal other, @ForAll boolean missingOnTheLeft) {
        Attribute missing = Attribute.agent("nickname");
        Comparison comparison =
                missingOnTheLeft ? new Comparison(missing, operator, other) : new Comparison(other, operator, missing);

        assertThat(matches(comparison, Map.of("team", "gold"), Map.of())).isFalse();
    }

    @Property
    void equalityOfNumbersIgnoresTheirJavaType(@ForAll @IntRange(min = -1000, max = 1000) int number) {
        Map<String, Object> agent = Map.of("int", number, "long", (long) number, "double", (double) number);
        Map<String, Object> task = Map.of("decimal", new BigDecimal(number).setScale(2));

        assertThat(matches(Trees.tree("int == long AND long == double AND double == task.decimal"), agent, task))
                .isTrue();
    }

    private static boolean matches(Expression tree, Map<String, Object> agent, Map<String, Object> task) {
        return TargetExpression.of(tree).matches(agent, task);
    }

    // --- Generators ---

    private static final List<Attribute> AGENT_PATHS = List.of(
            Trees.agent("skills"),
            Trees.agent("languages"),
            Trees.agent("team"),
            Trees.agent("level"),
            Trees.agent("rating"),
            Trees.agent("certified"),
            Trees.agent("proficiency.support"),
            Trees.agent("proficiency.billing"),
            Trees.agent("nickname"),
            Attribute.agent("task", "id"),
            Attribute.agent("ALL"),
            Attribute.agent("in"),
            Attribute.agent("Worker"));

    private static final List<Attribute> TASK_PATHS = List.of(
            Trees.task("skill"),
            Trees.task("language"),
            Trees.task("languages"),
            Trees.task("vip"),
            Trees.task("minimumLevel"),
            Trees.task("missing"),
            Attribute.task("not"));

    private static final List<String> STRINGS =
            List.of("support", "billing", "en", "fr", "gold", "", "it's", "back\\slash", "say \"hi\"", "Zoé 😀");

    @Provide
    Arbitrary<Expression> expressions() {
        return Arbitraries.recursive(this::leaves, this::composites, 0, 4);
    }

    private Arbitrary<Expression> leaves() {
        return Arbitraries.frequencyOf(
                Tuple.of(10, comparisons()),
                Tuple.of(1, Arbitraries.of(true, false).map(Constant::new)));
    }

    private Arbitrary<Expression> composites(Arbitrary<Expression> inner) {
        return Arbitraries.oneOf(
                inner.map(Not::new),
                inner.list().ofMinSize(2).ofMaxSize(3).map(And::new),
                inner.list().ofMinSize(2).ofMaxSize(3).map(Or::new));
    }

    private Arbitrary<Expression> comparisons() {
        return Combinators.combine(operands(), Arbitraries.of(Operator.class), operands())
                .as(Comparison::new);
    }

    private Arbitrary<Operand> operands() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(AGENT_PATHS)),
                Tuple.of(2, Arbitraries.of(TASK_PATHS)),
                Tuple.of(4, literals()));
    }

    @Provide
    Arbitrary<Literal> literals() {
        Arbitrary<Object> scalars = scalarLiterals();
        return Arbitraries.oneOf(scalars, scalars.list().ofMaxSize(3)).map(Literal::of);
    }

    private Arbitrary<Object> scalarLiterals() {
        return Arbitraries.oneOf(
                Arbitraries.of(STRINGS),
                Arbitraries.integers().between(-5, 10),
                Arbitraries.bigDecimals()
                        .between(new BigDecimal("-10"), new BigDecimal("10"))
                        .ofScale(2),
                Arbitraries.of(true, false));
    }

    private static final List<String> AGENT_KEYS = List.of(
            "skills",
            "languages",
            "team",
            "level",
            "rating",
            "certified",
            "proficiency",
            "task",
            "ALL",
            "in",
            "Worker");

    private static final List<String> TASK_KEYS =
            List.of("skill", "language", "languages", "vip", "minimumLevel", "not");

    /** Marks an attribute that the generated agent or task does not have. */
    private static final Object ABSENT = new Object();

    @Provide
    Arbitrary<Map<String, Object>> agents() {
        return attributeMaps(AGENT_KEYS);
    }

    @Provide
    Arbitrary<Map<String, Object>> tasks() {
        return attributeMaps(TASK_KEYS);
    }

    /** Maps over {@code keys} where each key is absent now and then (present keys may hold null). */
    private Arbitrary<Map<String, Object>> attributeMaps(List<String> keys) {
        Arbitrary<Object> maybeValues =
                Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(ABSENT)), Tuple.of(3, attributeValues()));
        return maybeValues.list().ofSize(keys.size()).map(values -> {
            Map<String, Object> attributes = new HashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                if (values.get(i) != ABSENT) {
                    attributes.put(keys.get(i), values.get(i));
                }
            }
            return attributes;
        });
    }

    /** JSON-like values of every type, with numbers of several Java types and the odd null. */
    private Arbitrary<Object> attributeValues() {
        Arbitrary<Object> scalars = Arbitraries.oneOf(
                Arbitraries.of(STRINGS),
                Arbitraries.integers().between(-5, 10),
                Arbitraries.longs().between(-5, 10),
                Arbitraries.of(2.5, -0.75, 3.0, 0.1, Double.NaN),
                Arbitraries.bigDecimals()
                        .between(new BigDecimal("-10"), new BigDecimal("10"))
                        .ofScale(1),
                Arbitraries.of(true, false));
        Arbitrary<Object> proficiency = Combinators.combine(scalars, scalars)
                .as((support, billing) -> Map.of("support", support, "billing", billing, "id", support));
        return Arbitraries.frequencyOf(
                        Tuple.of(6, scalars),
                        Tuple.of(3, scalars.list().ofMaxSize(3).map(list -> (Object) list)),
                        Tuple.of(2, proficiency))
                .injectNull(0.05);
    }

    @Provide
    Arbitrary<String> grammarSoup() {
        return Arbitraries.strings()
                .withChars("abtkTASKNOIHRDL_.'\"\\ ()[],*=!<>&|-0123456789é\t\n@")
                .ofMaxLength(60);
    }

    @Provide
    Arbitrary<String> tokenSoup() {
        return Arbitraries.of(
                        "(",
                        ")",
                        "AND",
                        "or",
                        "not",
                        "in",
                        "HAS",
                        "==",
                        "!=",
                        "<",
                        ">=",
                        "'x'",
                        "\"y\"",
                        "1",
                        "-2.5",
                        "true",
                        "FALSE",
                        "ALL",
                        "*",
                        "[",
                        "]",
                        ",",
                        "skills",
                        "task.language",
                        "worker.team",
                        "proficiency.support",
                        "'open",
                        "=",
                        "&&",
                        "1e3",
                        "task",
                        "NOT IN",
                        "[1, 'a']")
                .list()
                .ofMaxSize(25)
                .map(tokens -> String.join(" ", tokens));
    }

    private enum Mutation {
        DELETE,
        INSERT,
        REPLACE,
        TRUNCATE
    }

    /** Canonical texts of valid expressions with one character deleted, inserted or replaced, or cut short. */
    @Provide
    Arbitrary<String> mutants() {
        Arbitrary<Character> characters = Arbitraries.chars().with("()[],'\"\\=!<>*.-0 aNOT&|@é");
        return Combinators.combine(
                        expressions().map(Expression::toString),
                        Arbitraries.of(Mutation.class),
                        Arbitraries.integers().between(0, 10_000),
                        characters)
                .as((text, mutation, seed, character) -> {
                    int at = seed % (text.length() + 1);
                    return switch (mutation) {
                        case DELETE -> at < text.length() ? text.substring(0, at) + text.substring(at + 1) : text;
                        case INSERT -> text.substring(0, at) + character + text.substring(at);
                        case REPLACE ->
                            at < text.length()
                                    ? text.substring(0, at) + character + text.substring(at + 1)
                                    : text + character;
                        case TRUNCATE -> text.substring(0, at);
                    };
                });
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.strings().all().ofMaxLength(200);
    }
}
