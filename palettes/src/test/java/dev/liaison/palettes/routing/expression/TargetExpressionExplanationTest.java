package dev.liaison.palettes.routing.expression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetExpressionExplanationTest {

    private static final Map<String, Object> AGENT = Map.of(
            "skills", List.of("support", "billing"),
            "languages", List.of("en"),
            "proficiency", Map.of("support", 5, "billing", 2),
            "team", "gold",
            "level", 3);

    private static final Map<String, Object> TASK = Map.of("skill", "support", "language", "fr", "vip", true);

    private static Explanation explain(String source) {
        return TargetExpression.parse(source).explain(AGENT, TASK);
    }

    @Test
    void failedComparisonShowsTheValuesOfBothAttributes() {
        Explanation explanation = explain("languages HAS task.language");

        assertThat(explanation.matched()).isFalse();
        assertThat(explanation.summary())
                .isEqualTo("languages HAS task.language was false (languages=['en'], task.language='fr')");
        assertThat(explanation)
                .hasToString("did not match: languages HAS task.language was false (languages=['en'],"
                        + " task.language='fr')");
    }

    @Test
    void failedAndIsExplainedByItsFirstFalseCondition() {
        Explanation explanation = explain("skills HAS task.skill AND languages HAS task.language AND level >= 5");

        assertThat(explanation.matched()).isFalse();
        assertThat(explanation.reasons()).hasSize(1);
        Explanation.Reason reason = explanation.reasons().get(0);
        assertThat(reason.condition()).isEqualTo(Trees.tree("languages HAS task.language"));
        assertThat(reason.outcome()).isFalse();
        assertThat(reason.observed())
                .containsExactly(Map.entry("languages", "['en']"), Map.entry("task.language", "'fr'"));
    }

    @Test
    void failedOrIsExplainedByEveryAlternative() {
        Explanation explanation = explain("team == 'silver' OR proficiency.billing >= 3");

        assertThat(explanation.summary())
                .isEqualTo("team == 'silver' was false (team='gold');"
                        + " proficiency.billing >= 3 was false (proficiency.billing=2)");
    }

    @Test
    void failedNotIsExplainedByTheConditionThatHeld() {
        Explanation explanation = explain("NOT skills HAS 'billing'");

        assertThat(explanation.matched()).isFalse();
        assertThat(explanation.summary()).isEqualTo("skills HAS 'billing' was true (skills=['support', 'billing'])");
    }

    @Test
    void missingAttributesAreShownAsMissing() {
        Explanation explanation = explain("nickname == 'Zed' AND task.queue == 'sales'");

        assertThat(explanation.summary()).isEqualTo("nickname == 'Zed' was false (nickname=missing)");
    }

    @Test
    void nestedMapsAreShownWithTheirEntries() {
        Map<String, Object> proficiency = new LinkedHashMap<>();
        proficiency.put("support", 5);
        proficiency.put("billing", 2.5);

        Explanation explanation =
                TargetExpression.parse("proficiency == task.vip").explain(Map.of("proficiency", proficiency), TASK);

        assertThat(explanation.summary())
                .isEqualTo("proficiency == task.vip was false (proficiency={support: 5, billing: 2.5}, task.vip=true)");
    }

    @Test
    void constantsSayThatTheyNeverOrAlwaysMatch() {
        assertThat(explain("false").summary()).isEqualTo("false never matches");
        assertThat(explain("*").summary()).isEqualTo("true always matches");
        assertThat(explain("*").matched()).isTrue();
    }

    @Test
    void comparisonsOfLiteralsShowNoValues() {
        assertThat(explain("1 == 2").summary()).isEqualTo("1 == 2 was false");
    }

    @Test
    void successfulOrIsExplainedByTheFirstAlternativeThatHeld() {
        Explanation explanation = explain("team == 'silver' OR level == 3 OR skills HAS 'support'");

        assertThat(explanation.matched()).isTrue();
        assertThat(explanation).hasToString("matched: level == 3 was true (level=3)");
    }

    @Test
    void successfulAndIsExplainedByAllItsConditions() {
        Explanation explanation = explain("skills HAS task.skill AND task.vip == true");

        assertThat(explanation.summary())
                .isEqualTo("skills HAS task.skill was true (skills=['support', 'billing'], task.skill='support');"
                        + " task.vip == true was true (task.vip=true)");
    }

    @Test
    void anAttributeComparedWithItselfIsShownOnce() {
        assertThat(explain("level > level").summary()).isEqualTo("level > level was false (level=3)");
    }

    @Test
    void longValuesAreShortened() {
        Map<String, Object> agent = new HashMap<>();
        agent.put("skills", Collections.nCopies(50, "support"));

        Explanation explanation = TargetExpression.parse("skills HAS 'sales'").explain(agent, Map.of());

        String shown = explanation.reasons().get(0).observed().get("skills");
        assertThat(shown)
                .hasSize(Explainer.MAX_VALUE_LENGTH)
                .startsWith("['support', 'support'")
                .endsWith("…");
    }

    @Test
    void explanationAgreesWithMatches() {
        TargetExpression expression =
                TargetExpression.parse("(skills HAS task.skill OR team == 'gold') AND NOT languages HAS task.language");

        assertThat(expression.explain(AGENT, TASK).matched()).isEqualTo(expression.matches(AGENT, TASK));
    }
}
