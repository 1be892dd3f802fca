package dev.liaison.palettes.routing.expression;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetExpressionEvaluationTest {

    /** The agent of the routing examples, with a few extra attributes of other types. */
    private static final Map<String, Object> AGENT = Map.of(
            "skills",
            List.of("support", "billing"),
            "languages",
            List.of("en", "fr"),
            "proficiency",
            Map.of("support", 5, "billing", 2),
            "team",
            "gold",
            "level",
            3,
            "rating",
            4.5,
            "seniority",
            7L,
            "certified",
            true,
            "name",
            "Zoé");

    private static final Map<String, Object> TASK = Map.of(
            "skill",
            "support",
            "language",
            "fr",
            "vip",
            true,
            "minimumLevel",
            2,
            "languages",
            List.of("fr", "de"),
            "proficiency",
            Map.of("billing", 2L, "support", 5.0));

    private static boolean matches(String source) {
        return matches(source, AGENT, TASK);
    }

    private static boolean matches(String source, Map<String, ?> agent, Map<String, ?> task) {
        return TargetExpression.parse(source).matches(agent, task);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            textBlock =
                    """
            team == 'gold'                         | true
            team == 'Gold'                         | false
            team != 'silver'                       | true
            team != 'gold'                         | false
            name == 'Zoé'                          | true
            level == 3                             | true
            level != 4                             | true
            level < 4                              | true
            level < 3                              | false
            level <= 3                             | true
            level > 2                              | true
            level > 3                              | false
            level >= 3                             | true
            rating > 4                             | true
            rating < 4.51                          | true
            certified == true                      | true
            certified != false                     | true
            skills HAS 'support'                   | true
            skills HAS 'sales'                     | false
            skills NOT HAS 'sales'                 | true
            skills NOT HAS 'support'               | false
            team IN ['gold', 'platinum']           | true
            team IN ['silver']                     | false
            team NOT IN ['silver', 'bronze']       | true
            team NOT IN ['gold']                   | false
            'fr' IN languages                      | true
            level IN [1, 2, 3]                     | true
            skills HAS task.skill                  | true
            languages HAS task.language            | true
            task.language IN languages             | true
            level >= task.minimumLevel             | true
            task.vip == true                       | true
            proficiency.support >= 3               | true
            proficiency.billing >= 3               | false
            proficiency == task.proficiency        | true
            """)
    void everyOperatorComparesAsDocumented(String source, boolean expected) {
        assertThat(matches(source)).isEqualTo(expected);
    }

    @Nested
    class Strings {

        @Test
        void equalityIsExactAndCaseSensitive() {
            assertThat(matches("team == 'gold '")).isFalse();
            assertThat(matches("team == 'GOLD'")).isFalse();
        }

        @Test
        void orderingIsLexicographicWithUpperCaseBeforeLowerCase() {
            assertThat(matches("team < 'silver'")).isTrue();
            assertThat(matches("team > 'Silver'")).isTrue();
            assertThat(matches("team >= 'gold'")).isTrue();
            assertThat(matches("team < 'golden'")).isTrue();
        }
    }

    @Nested
    class Numbers {

        @Test
        void numbersCompareNumericallyWhateverTheirJavaType() {
            Map<String, Object> agent = Map.of(
                    "int",
                    3,
                    "long",
                    3L,
                    "double",
                    3.0,
                    "float",
                    0.1f,
                    "decimal",
                    new BigDecimal("3.00"),
                    "big",
                    new BigInteger("3"),
                    "short",
                    (short) 3,
                    "atomic",
                    new AtomicLong(3));

            for (String path : List.of("int", "long", "double", "decimal", "big", "short", "atomic")) {
                assertThat(matches(path + " == 3", agent, Map.of())).as(path).isTrue();
                assertThat(matches(path + " == 3.0", agent, Map.of())).as(path).isTrue();
                assertThat(matches(path + " < 3.5", agent, Map.of())).as(path).isTrue();
                assertThat(matches(path + " IN [1, 3.000]", agent, Map.of()))
                        .as(path)
                        .isTrue();
            }
            assertThat(matches("float == 0.1", agent, Map.of())).isTrue();
        }

        @Test
        void numbersFromTheAgentAndTheTaskCompareNumerically() {
            Map<String, Object> agent = Map.of("level", 3L);
            Map<String, Object> task = Map.of("level", 3.0, "minimum", new BigDecimal("2.5"));

            assertThat(matches("level == task.level AND level > task.minimum", agent, task))
                    .isTrue();
        }

        @Test
        void negativeAndDecimalLiteralsCompare() {
            assertThat(matches("level > -1")).isTrue();
            assertThat(matches("rating == 4.50")).isTrue();
            assertThat(matches("rating > 4.499999")).isTrue();
        }

        @Test
        void notANumberAndInfinitiesCompareWithNothing() {
            Map<String, Object> agent = Map.of("nan", Double.NaN, "infinite", Double.POSITIVE_INFINITY);

            assertThat(matches("nan == nan", agent, Map.of())).isFalse();
            assertThat(matches("nan != 1", agent, Map.of())).isFalse();
            assertThat(matches("infinite > 1", agent, Map.of())).isFalse();
        }
    }

    @Nested
    class MixedTypes {

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "level == '3'",
                    "level != '3'",
                    "level < '4'",
                    "team > 1",
                    "certified == 'true'",
                    "certified == 1",
                    "certified < true",
                    "skills == 'support'",
                    "skills != 'support'",
                    "skills < ['zzz']",
                    "proficiency == 5",
                    "level NOT IN 'x'",
                    "team NOT HAS 3"
                })
        void comparingValuesOfDifferentTypesIsFalseNotAnError(String source) {
            assertThat(matches(source)).isFalse();
        }

        @Test
        void notOfAMismatchedComparisonIsTrue() {
            assertThat(matches("NOT level == '3'")).isTrue();
            assertThat(matches("NOT level != '3'")).isTrue();
        }

        @Test
        void membershipLooksForAnElementOfTheSameValue() {
            assertThat(matches("level IN ['3', 'three']")).isFalse();
            assertThat(matches("level NOT IN ['3', 'three']")).isTrue();
            assertThat(matches("skills NOT HAS 1")).isTrue();
        }
    }

    @Nested
    class Lists {

        @Test
        void listsAreEqualElementByElementInOrder() {
            assertThat(matches("languages == ['en', 'fr']")).isTrue();
            assertThat(matches("languages == ['fr', 'en']")).isFalse();
            assertThat(matches("languages == ['en']")).isFalse();
            assertThat(matches("languages != ['en']")).isTrue();
            assertThat(matches("[1, 2.0] == [1.0, 2]")).isTrue();
        }

        @Test
        void anyCollectionIsAList() {
            Map<String, Object> agent = Map.of("languages", new LinkedHashSet<>(List.of("en", "fr")));

            assertThat(matches("languages HAS 'fr' AND languages == ['en', 'fr']", agent, Map.of()))
                    .isTrue();
        }

        @Test
        void hasOnAScalarMeansEquality() {
            assertThat(matches("team HAS 'gold'")).isTrue();
            assertThat(matches("team HAS 'silver'")).isFalse();
            assertThat(matches("team NOT HAS 'silver'")).isTrue();
        }

        @Test
        void inWithAScalarOnTheRightMeansEquality() {
            assertThat(matches("team IN 'gold'")).isTrue();
            assertThat(matches("team NOT IN 'silver'")).isTrue();
        }

        @Test
        void hasAndInCompareElementsLikeEquality() {
            Map<String, Object> agent = Map.of("codes", List.of(1L, 2.5, "x"));

            assertThat(matches("codes HAS 1", agent, Map.of())).isTrue();
            assertThat(matches("codes HAS 2.50", agent, Map.of())).isTrue();
            assertThat(matches("codes HAS '1'", agent, Map.of())).isFalse();
            assertThat(matches("2.5 IN codes", agent, Map.of())).isTrue();
        }

        @Test
        void listsOfListsCompareTheirElementsAsLists() {
            Map<String, Object> agent = Map.of("pairs", List.of(List.of("en", "fr"), List.of("de")));

            assertThat(matches("pairs HAS ['de']", agent, Map.of())).isTrue();
            assertThat(matches("pairs HAS 'de'", agent, Map.of())).isFalse();
        }

        @Test
        void emptyListsHoldNothing() {
            Map<String, Object> agent = Map.of("skills", List.of());

            assertThat(matches("skills HAS 'support'", agent, Map.of())).isFalse();
            assertThat(matches("skills NOT HAS 'support'", agent, Map.of())).isTrue();
            assertThat(matches("skills == []", agent, Map.of())).isTrue();
        }
    }

    @Nested
    class MissingAttributes {

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "nickname == 'x'",
                    "nickname != 'x'",
                    "nickname < 1",
                    "nickname > 1",
                    "nickname <= 1",
                    "nickname >= 1",
                    "nickname HAS 'x'",
                    "nickname NOT HAS 'x'",
                    "nickname IN ['x']",
                    "nickname NOT IN ['x']",
                    "'x' IN nickname",
                    "team == task.nickname",
                    "team != task.nickname",
                    "skills NOT HAS task.nickname",
                    "proficiency.sales >= 1",
                    "proficiency.sales < 1",
                    "team.color == 'x'",
                    "skills.first == 'support'",
                    "nickname == nickname"
                })
        void everyComparisonWithAMissingOperandIsFalse(String source) {
            assertThat(matches(source)).isFalse();
        }

        @Test
        void notFlipsAComparisonWithAMissingOperand() {
            assertThat(matches("NOT nickname == 'x'")).isTrue();
            assertThat(matches("NOT nickname != 'x'")).isTrue();
            assertThat(matches("NOT task.nickname IN skills")).isTrue();
        }

        @Test
        void nullValuesAreMissing() {
            Map<String, Object> agent = new HashMap<>();
            agent.put("team", null);

            assertThat(matches("team == 'gold'", agent, Map.of())).isFalse();
            assertThat(matches("team != 'gold'", agent, Map.of())).isFalse();
        }

        @Test
        void nullAttributeMapsAreEmpty() {
            assertThat(matches("team == 'gold'", null, null)).isFalse();
            assertThat(matches("NOT team == 'gold'", null, null)).isTrue();
            assertThat(matches("ALL", null, null)).isTrue();
        }

        @Test
        void mapsWhoseKeysAreNotStringsHaveNoSuchAttribute() {
            Map<String, Object> agent = Map.of("scores", new TreeMap<>(Map.of(1, 10)));

            assertThat(matches("scores.first == 10", agent, Map.of())).isFalse();
        }

        @Test
        void unsupportedValueTypesCompareWithNothing() {
            Map<String, Object> agent = Map.of("codes", new int[] {1, 2}, "letter", 'x');

            assertThat(matches("codes HAS 1", agent, Map.of())).isFalse();
            assertThat(matches("letter == 'x'", agent, Map.of())).isFalse();
            assertThat(matches("letter != 'x'", agent, Map.of())).isFalse();
        }
    }

    @Nested
    class BooleanOperators {

        @Test
        void andNeedsEveryOperand() {
            assertThat(matches("team == 'gold' AND level == 3 AND certified == true"))
                    .isTrue();
            assertThat(matches("team == 'gold' AND level == 4 AND certified == true"))
                    .isFalse();
        }

        @Test
        void orNeedsAnyOperand() {
            assertThat(matches("team == 'silver' OR level == 4 OR certified == true"))
                    .isTrue();
            assertThat(matches("team == 'silver' OR level == 4")).isFalse();
        }

        @Test
        void andBindsTighterThanOrWhenEvaluating() {
            assertThat(matches("team == 'silver' OR level == 3 AND certified == false"))
                    .isFalse();
            assertThat(matches("(team == 'silver' OR level == 3) AND certified == true"))
                    .isTrue();
            assertThat(matches("level == 3 OR team == 'silver' AND certified == false"))
                    .isTrue();
        }

        @Test
        void notBindsTighterThanAndWhenEvaluating() {
            assertThat(matches("NOT team == 'silver' AND level == 3")).isTrue();
            assertThat(matches("NOT (team == 'gold' AND level == 4)")).isTrue();
            assertThat(matches("NOT team == 'gold' AND level == 4")).isFalse();
        }

        @Test
        void constantsMatchEveryAgentOrNone() {
            assertThat(matches("true", Map.of(), Map.of())).isTrue();
            assertThat(matches("ALL", Map.of(), Map.of())).isTrue();
            assertThat(matches("*", Map.of(), Map.of())).isTrue();
            assertThat(matches("1==1", Map.of(), Map.of())).isTrue();
            assertThat(matches("false", AGENT, TASK)).isFalse();
            assertThat(matches("NOT ALL", AGENT, TASK)).isFalse();
        }
    }

    @Nested
    class RoutingExamples {

        @Test
        void skillAndLanguageOfTheTaskWithAProficiencyThreshold() {
            TargetExpression expression = TargetExpression.parse(
                    "skills HAS task.skill AND languages HAS task.language AND proficiency.support >= 3");

            assertThat(expression.matches(AGENT, TASK)).isTrue();
            assertThat(expression.matches(AGENT, Map.of("skill", "support", "language", "de")))
                    .isFalse();
        }

        @Test
        void vipTasksGoToTheGoldTeamOnly() {
            TargetExpression expression =
                    TargetExpression.parse("task.vip == true AND team == 'gold' OR NOT task.vip == true");

            assertThat(expression.matches(Map.of("team", "silver"), Map.of("vip", true)))
                    .isFalse();
            assertThat(expression.matches(Map.of("team", "gold"), Map.of("vip", true)))
                    .isTrue();
            assertThat(expression.matches(Map.of("team", "silver"), Map.of())).isTrue();
        }

        @Test
        void anyLanguageOfTheTaskListWillDo() {
            assertThat(matches("task.languages HAS 'fr' AND 'fr' IN languages")).isTrue();
        }
    }

    @Test
    void oneCompiledExpressionServesManyThreadsAtOnce() {
        TargetExpression expression = TargetExpression.parse("skills HAS task.skill AND level >= task.minimumLevel");

        boolean[] results = new boolean[2_000];
        IntStream.range(0, results.length)
                .parallel()
                .forEach(i ->
                        results[i] = expression.matches(Map.of("skills", List.of("support"), "level", i % 4), TASK));

        for (int i = 0; i < results.length; i++) {
            assertThat(results[i]).as("agent %d", i).isEqualTo(i % 4 >= 2);
        }
    }
}
