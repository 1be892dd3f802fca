package dev.liaison.palettes.routing.expression;

import static dev.liaison.palettes.routing.expression.Trees.agent;
import static dev.liaison.palettes.routing.expression.Trees.agentEquals;
import static dev.liaison.palettes.routing.expression.Trees.compare;
import static dev.liaison.palettes.routing.expression.Trees.literal;
import static dev.liaison.palettes.routing.expression.Trees.task;
import static dev.liaison.palettes.routing.expression.Trees.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liaison.palettes.routing.expression.Expression.And;
import dev.liaison.palettes.routing.expression.Expression.Constant;
import dev.liaison.palettes.routing.expression.Expression.Not;
import dev.liaison.palettes.routing.expression.Expression.Or;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetExpressionParserTest {

    private static String canonical(String source) {
        return TargetExpression.parse(source).canonical();
    }

    @Nested
    class Operators {

        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                quoteCharacter = '"',
                textBlock =
                        """
                level == 3        | EQUALS
                level != 3        | NOT_EQUALS
                level < 3         | LESS_THAN
                level > 3         | GREATER_THAN
                level <= 3        | LESS_OR_EQUAL
                level >= 3        | GREATER_OR_EQUAL
                level HAS 3       | HAS
                level NOT HAS 3   | NOT_HAS
                level IN 3        | IN
                level NOT IN 3    | NOT_IN
                """)
        void everyComparisonOperatorParsesToItsOperator(String source, Operator operator) {
            assertThat(tree(source)).isEqualTo(compare(agent("level"), operator, literal(3)));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                quoteCharacter = '"',
                textBlock =
                        """
                skills has 'support'                      | skills HAS 'support'
                skills Has 'support'                      | skills HAS 'support'
                team in ['gold', 'silver']                | team IN ['gold', 'silver']
                team not in ['gold']                      | team NOT IN ['gold']
                skills nOt HaS 'sales'                    | skills NOT HAS 'sales'
                level > 1 and level < 5 or team == 'gold' | (level > 1 AND level < 5) OR team == 'gold'
                not team == 'gold'                        | NOT team == 'gold'
                TRUE                                      | true
                False                                     | false
                all                                       | true
                task.vip == TRUE                          | task.vip == true
                """)
        void keywordsAreCaseInsensitive(String source, String expectedCanonical) {
            assertThat(canonical(source)).isEqualTo(expectedCanonical);
        }

        @Test
        void comparisonSymbolsNeedNoSurroundingSpaces() {
            assertThat(tree("level>=3")).isEqualTo(tree("level >= 3"));
            assertThat(tree("team=='gold'")).isEqualTo(tree("team == 'gold'"));
            assertThat(tree("level<-1")).isEqualTo(compare(agent("level"), Operator.LESS_THAN, literal(-1)));
        }

        @Test
        void anySpacingIncludingTabsAndLineBreaksSeparatesTokens() {
            assertThat(tree("\tskills\nHAS\r\n  'support'  ")).isEqualTo(tree("skills HAS 'support'"));
        }
    }

    @Nested
    class Literals {

        @Test
        void singleAndDoubleQuotedStringsAreTheSameString() {
            assertThat(tree("team == \"gold\"")).isEqualTo(tree("team == 'gold'"));
        }

        @Test
        void backslashEscapesQuotesAndBackslashes() {
            assertThat(tree("name == 'it\\'s'")).isEqualTo(agentEquals("name", "it's"));
            assertThat(tree("name == \"say \\\"hi\\\"\"")).isEqualTo(agentEquals("name", "say \"hi\""));
            assertThat(tree("name == 'a\\\\b'")).isEqualTo(agentEquals("name", "a\\b"));
            assertThat(tree("name == 'a\\\"b'")).isEqualTo(agentEquals("name", "a\"b"));
        }

        @Test
        void theOtherQuoteNeedsNoEscape() {
            assertThat(tree("name == \"it's\"")).isEqualTo(agentEquals("name", "it's"));
            assertThat(tree("name == 'say \"hi\"'")).isEqualTo(agentEquals("name", "say \"hi\""));
        }

        @Test
        void canonicalFormUsesSingleQuotesAndEscapesOnlyWhatItMust() {
            assertThat(canonical("name == \"it's a \\\\ and \\\"x\\\"\""))
                    .isEqualTo("name == 'it\\'s a \\\\ and \"x\"'");
        }

        @Test
        void emptyStringIsAValue() {
            assertThat(tree("nickname == ''")).isEqualTo(agentEquals("nickname", ""));
        }

        @Test
        void stringsKeepUnicodeAndSpacesAsWritten() {
            assertThat(tree("name == '  Zoé 😀 '")).isEqualTo(agentEquals("name", "  Zoé 😀 "));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                quoteCharacter = '"',
                textBlock =
                        """
                level == 3        | 3         | level == 3
                level == -3       | -3        | level == -3
                level == 007      | 7         | level == 7
                level == 4.5      | 4.5       | level == 4.5
                level == -0.25    | -0.25     | level == -0.25
                level == 2.50     | 2.50      | level == 2.50
                level == 0        | 0         | level == 0
                level == 123456789012345678901234567890 | 123456789012345678901234567890 | level == 123456789012345678901234567890
                """)
        void integersAndDecimalsOptionallyNegativeAreNumbers(
                String source, BigDecimal value, String expectedCanonical) {
            assertThat(tree(source)).isEqualTo(compare(agent("level"), Operator.EQUALS, literal(value)));
            assertThat(canonical(source)).isEqualTo(expectedCanonical);
        }

        @Test
        void literalNumbersOfAnyJavaTypeMakeEqualLiterals() {
            assertThat(literal(5)).isEqualTo(literal(5L)).isEqualTo(literal(new BigDecimal("5")));
        }

        @Test
        void trueAndFalseAreBooleanValuesInComparisons() {
            assertThat(tree("certified == true")).isEqualTo(agentEquals("certified", true));
            assertThat(tree("certified != FALSE"))
                    .isEqualTo(compare(agent("certified"), Operator.NOT_EQUALS, literal(false)));
        }

        @Test
        void listLiteralsHoldStringsNumbersAndBooleans() {
            assertThat(tree("x IN ['en', \"fr\", 1, -2.5, true]"))
                    .isEqualTo(compare(
                            agent("x"),
                            Operator.IN,
                            literal(List.of("en", "fr", BigDecimal.ONE, new BigDecimal("-2.5"), true))));
            assertThat(canonical("x IN ['en',\"fr\",1 ,  -2.5,true]")).isEqualTo("x IN ['en', 'fr', 1, -2.5, true]");
        }

        @Test
        void emptyListIsAValue() {
            assertThat(tree("skills == []")).isEqualTo(agentEquals("skills", List.of()));
            assertThat(canonical("skills == [ ]")).isEqualTo("skills == []");
        }

        @Test
        void literalsMayStandOnEitherSideOrBoth() {
            assertThat(tree("'fr' IN languages")).isEqualTo(compare(literal("fr"), Operator.IN, agent("languages")));
            assertThat(tree("1 == 1")).isEqualTo(compare(literal(1), Operator.EQUALS, literal(1)));
            assertThat(tree("true == task.vip")).isEqualTo(compare(literal(true), Operator.EQUALS, task("vip")));
        }
    }

    @Nested
    class AttributePaths {

        @Test
        void dottedPathsReadNestedAttributes() {
            assertThat(tree("proficiency.support >= 3"))
                    .isEqualTo(compare(agent("proficiency.support"), Operator.GREATER_OR_EQUAL, literal(3)));
        }

        @Test
        void taskPrefixReadsTheTaskAttributes() {
            assertThat(tree("languages HAS task.language"))
                    .isEqualTo(compare(agent("languages"), Operator.HAS, task("language")));
            assertThat(tree("task.customer.tier == 'gold'"))
                    .isEqualTo(compare(task("customer.tier"), Operator.EQUALS, literal("gold")));
        }

        @Test
        void workerPrefixIsAnExplicitAgentPathAndDisappearsFromTheCanonicalForm() {
            assertThat(tree("worker.team == 'gold'")).isEqualTo(tree("team == 'gold'"));
            assertThat(canonical("worker.proficiency.support > 1")).isEqualTo("proficiency.support > 1");
        }

        @Test
        void scopePrefixesAreCaseInsensitiveButAttributeNamesAreNot() {
            assertThat(tree("TASK.language == 'fr'")).isEqualTo(tree("task.language == 'fr'"));
            assertThat(tree("Worker.team == 'x'")).isEqualTo(tree("team == 'x'"));
            assertThat(tree("Team == 'x'")).isNotEqualTo(tree("team == 'x'"));
        }

        @Test
        void attributesNamedLikeKeywordsOrPrefixesAreReachedThroughWorker() {
            assertThat(tree("worker.in == 1")).isEqualTo(compare(agent("in"), Operator.EQUALS, literal(1)));
            assertThat(tree("worker.task.id == 1")).isEqualTo(compare(agent("task.id"), Operator.EQUALS, literal(1)));
            assertThat(tree("task.not == 1")).isEqualTo(compare(task("not"), Operator.EQUALS, literal(1)));
            assertThat(canonical("worker.in == 1")).isEqualTo("worker.in == 1");
            assertThat(canonical("worker.task.id == 1")).isEqualTo("worker.task.id == 1");
            assertThat(canonical("worker.All == 1")).isEqualTo("worker.All == 1");
            assertThat(canonical("worker.Worker == 1")).isEqualTo("worker.Worker == 1");
        }

        @Test
        void identifiersMayHoldDigitsAndUnderscores() {
            assertThat(tree("_skill_2.level_1 == 1"))
                    .isEqualTo(compare(agent("_skill_2.level_1"), Operator.EQUALS, literal(1)));
        }

        @Test
        void attributePathsAreRejectedWhenNotIdentifiers() {
            assertThatThrownBy(() -> Operand.Attribute.agent("1st")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Operand.Attribute.agent()).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class PrecedenceAndAssociativity {

        private final Expression a = agentEquals("a", 1);
        private final Expression b = agentEquals("b", 1);
        private final Expression c = agentEquals("c", 1);

        @Test
        void andBindsTighterThanOr() {
            assertThat(tree("a == 1 OR b == 1 AND c == 1")).isEqualTo(Or.of(a, And.of(b, c)));
            assertThat(tree("a == 1 AND b == 1 OR c == 1")).isEqualTo(Or.of(And.of(a, b), c));
        }

        @Test
        void parenthesesOverridePrecedence() {
            assertThat(tree("(a == 1 OR b == 1) AND c == 1")).isEqualTo(And.of(Or.of(a, b), c));
            assertThat(tree("a == 1 AND (b == 1 OR c == 1)")).isEqualTo(And.of(a, Or.of(b, c)));
        }

        @Test
        void notBindsTighterThanAnd() {
            assertThat(tree("NOT a == 1 AND b == 1")).isEqualTo(And.of(new Not(a), b));
            assertThat(tree("NOT (a == 1 AND b == 1)")).isEqualTo(new Not(And.of(a, b)));
        }

        @Test
        void notBindsLooserThanComparison() {
            assertThat(tree("NOT a == 1")).isEqualTo(new Not(a));
        }

        @Test
        void notMayRepeat() {
            assertThat(tree("NOT NOT a == 1")).isEqualTo(new Not(new Not(a)));
        }

        @Test
        void chainsOfTheSameOperatorBecomeOneNodeInSourceOrder() {
            assertThat(tree("a == 1 AND b == 1 AND c == 1")).isEqualTo(And.of(a, b, c));
            assertThat(tree("a == 1 OR b == 1 OR c == 1")).isEqualTo(Or.of(a, b, c));
        }

        @Test
        void explicitGroupingOfTheSameOperatorIsKept() {
            assertThat(tree("(a == 1 AND b == 1) AND c == 1")).isEqualTo(And.of(And.of(a, b), c));
            assertThat(canonical("(a == 1 AND b == 1) AND c == 1")).isEqualTo("(a == 1 AND b == 1) AND c == 1");
            assertThat(canonical("a == 1 OR (b == 1 OR c == 1)")).isEqualTo("a == 1 OR (b == 1 OR c == 1)");
        }

        @Test
        void redundantParenthesesAddNoNodes() {
            assertThat(tree("((a == 1))")).isEqualTo(a);
            assertThat(tree("(a == 1) AND ((b == 1))")).isEqualTo(And.of(a, b));
        }

        @Test
        void canonicalFormGroupsNestedAndOrOperandsInParentheses() {
            assertThat(canonical("a==1 or b==1 and c==1")).isEqualTo("a == 1 OR (b == 1 AND c == 1)");
            assertThat(canonical("not (a==1 or b==1)")).isEqualTo("NOT (a == 1 OR b == 1)");
            assertThat(canonical("not a==1 and b==1")).isEqualTo("NOT a == 1 AND b == 1");
        }
    }

    @Nested
    class Constants {

        @Test
        void loneTrueAndFalseAreConstants() {
            assertThat(tree("true")).isEqualTo(new Constant(true));
            assertThat(tree("false")).isEqualTo(new Constant(false));
        }

        @Test
        void allAndStarMeanEveryAgent() {
            assertThat(tree("ALL")).isEqualTo(new Constant(true));
            assertThat(tree("*")).isEqualTo(new Constant(true));
            assertThat(canonical(" * ")).isEqualTo("true");
        }

        @Test
        void constantsCombineWithOtherConditions() {
            assertThat(tree("true AND NOT false OR *"))
                    .isEqualTo(Or.of(And.of(new Constant(true), new Not(new Constant(false))), new Constant(true)));
        }

        @Test
        void aTautologyLikeOneEqualsOneIsAComparisonOfLiterals() {
            assertThat(canonical("1==1")).isEqualTo("1 == 1");
        }
    }

    @Nested
    class CompiledExpression {

        @Test
        void sourceIsKeptAsWrittenWhileToStringIsCanonical() {
            TargetExpression expression = TargetExpression.parse("skills has  \"support\"");

            assertThat(expression.source()).isEqualTo("skills has  \"support\"");
            assertThat(expression.canonical()).isEqualTo("skills HAS 'support'");
            assertThat(expression).hasToString("skills HAS 'support'");
        }

        @Test
        void expressionsWithEqualTreesAreEqual() {
            TargetExpression one = TargetExpression.parse("worker.team == \"gold\" and level>=3");
            TargetExpression other = TargetExpression.parse("team == 'gold' AND level >= 3");

            assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
            assertThat(one).isNotEqualTo(TargetExpression.parse("level >= 3 AND team == 'gold'"));
        }

        @Test
        void canonicalTextParsesBackToAnEqualExpression() {
            TargetExpression expression = TargetExpression.parse(
                    "not (skills has task.skill or worker.in in [1,'x']) and (a==1 and (b==2)) or *");

            assertThat(TargetExpression.parse(expression.canonical())).isEqualTo(expression);
        }

        @Test
        void referencedAttributesListsAgentAndTaskPathsOnceInOrderOfAppearance() {
            ReferencedAttributes referenced = TargetExpression.parse(
                            "skills HAS task.skill AND (proficiency.support >= task.level OR worker.skills HAS 'x')"
                                    + " AND task.skill != 'y' AND 1 == 1")
                    .referencedAttributes();

            assertThat(referenced.agent()).containsExactly("skills", "proficiency.support");
            assertThat(referenced.task()).containsExactly("skill", "level");
        }

        @Test
        void referencedAttributesOfAConstantAreEmpty() {
            ReferencedAttributes referenced = TargetExpression.parse("ALL").referencedAttributes();

            assertThat(referenced.agent()).isEmpty();
            assertThat(referenced.task()).isEmpty();
        }

        @Test
        void andAndOrNeedAtLeastTwoOperands() {
            assertThatThrownBy(() -> And.of(agentEquals("a", 1))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Or(List.of())).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void theTreeIsImmutable() {
            And and = (And) tree("a == 1 AND b == 1");

            assertThatThrownBy(() -> and.operands().add(agentEquals("c", 1)))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }
}
