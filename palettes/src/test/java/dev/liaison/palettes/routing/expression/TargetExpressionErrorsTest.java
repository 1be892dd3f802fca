package dev.liaison.palettes.routing.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.liaison.palettes.web.ApiException;
import java.util.Collections;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;

class TargetExpressionErrorsTest {

    private static ExpressionSyntaxException syntaxError(String source) {
        return catchThrowableOfType(ExpressionSyntaxException.class, () -> TargetExpression.parse(source));
    }

    static Stream<Arguments> malformedExpressions() {
        return Stream.of(
                malformed("", 1, "expected an expression at column 1 but found end of expression"),
                malformed("   ", 4, "expected an expression at column 4 but found end of expression"),
                malformed("(skills HAS 'support'", 22, "expected ')' at column 22 but found end of expression"),
                malformed(
                        "((a == 1 OR b == 2) AND c == 3", 31, "expected ')' at column 31 but found end of expression"),
                malformed("(a == 1 b == 2)", 9, "expected ')' at column 9 but found 'b'"),
                malformed("team = 'gold'", 6, "unknown operator '=' at column 6; use == to compare"),
                malformed("a == 1 && b == 2", 8, "unknown operator '&&' at column 8; use AND"),
                malformed("a == 1 || b == 2", 8, "unknown operator '||' at column 8; use OR"),
                malformed("team <> 'x'", 6, "unknown operator '<>' at column 6; use != for 'not equal'"),
                malformed("!(a == 1)", 1, "unknown operator '!' at column 1; use NOT"),
                malformed("level => 3", 7, "unknown operator '=>' at column 7; use >="),
                malformed(
                        "level >== 3",
                        7,
                        "unknown operator '>==' at column 7; comparisons are ==, !=, <, >, <=, >=, HAS, IN,"
                                + " NOT HAS and NOT IN"),
                malformed(
                        "skills CONTAINS 'x'",
                        8,
                        "expected a comparison operator (==, !=, <, >, <=, >=, HAS, IN, NOT HAS, NOT IN) at column 8"
                                + " but found 'CONTAINS'"),
                malformed(
                        "'gold'",
                        7,
                        "expected a comparison operator (==, !=, <, >, <=, >=, HAS, IN, NOT HAS, NOT IN) at column 7"
                                + " but found end of expression"),
                malformed("skills NOT LIKE 'x'", 12, "expected HAS or IN after NOT at column 12 but found 'LIKE'"),
                malformed(
                        "level > ",
                        9,
                        "expected an attribute or a value after > at column 9 but found end of expression"),
                malformed(
                        "level NOT IN AND",
                        14,
                        "expected an attribute or a value after NOT IN at column 14 but found 'AND'"),
                malformed(
                        "team == 'gold' AND",
                        19,
                        "expected an attribute, a value, NOT or '(' at column 19 but found end of expression"),
                malformed(
                        "a == 1 OR OR b == 2",
                        11,
                        "expected an attribute, a value, NOT or '(' at column 11 but found 'OR'"),
                malformed(
                        "NOT", 4, "expected an attribute, a value, NOT or '(' at column 4 but found end of expression"),
                malformed(")", 1, "expected an attribute, a value, NOT or '(' at column 1 but found ')'"),
                malformed("()", 2, "expected an attribute, a value, NOT or '(' at column 2 but found ')'"),
                malformed(
                        "team == 'gold' level > 2",
                        16,
                        "expected AND, OR or end of expression at column 16 but found 'level'"),
                malformed("team == 'gold')", 15, "expected AND, OR or end of expression at column 15 but found ')'"),
                malformed("a == b == c", 8, "expected AND, OR or end of expression at column 8 but found '=='"),
                malformed("* == 1", 3, "expected AND, OR or end of expression at column 3 but found '=='"),
                malformed("languages HAS 'fr", 15, "unterminated string starting at column 15; close it with '"),
                malformed("team == \"gold", 9, "unterminated string starting at column 9; close it with \""),
                malformed("team == 'gold\"", 9, "unterminated string starting at column 9; close it with '"),
                malformed("name == 'a\\'", 9, "unterminated string starting at column 9; close it with '"),
                malformed(
                        "name == 'a\\nb'",
                        11,
                        "unknown escape sequence '\\n' at column 11; only \\', \\\" and \\\\ are escapes"),
                malformed(
                        "languages IN ['en', ]",
                        21,
                        "expected a string, a number, true or false in the list at column 21 but found ']'"),
                malformed("languages IN ['en' 'fr']", 20, "expected ',' or ']' at column 20 but found string 'fr'"),
                malformed("languages IN ['en'", 19, "expected ',' or ']' at column 19 but found end of expression"),
                malformed(
                        "languages HAS [task.language]",
                        16,
                        "expected a string, a number, true or false in the list at column 16 but found"
                                + " 'task.language'"),
                malformed(
                        "x IN [[1]]",
                        7,
                        "expected a string, a number, true or false in the list at column 7 but found '['"),
                malformed(
                        "level > 1.",
                        11,
                        "expected a digit after the decimal point at column 11 but found end of expression"),
                malformed("level > .5", 9, "unexpected character '.' at column 9"),
                malformed(
                        "level > 1e3", 9, "malformed number '1e3' at column 9; numbers are written like 3, -2 or 4.5"),
                malformed(
                        "level > 1.2.3",
                        9,
                        "malformed number '1.2.3' at column 9; numbers are written like 3, -2 or 4.5"),
                malformed("level > - 1", 10, "expected a digit after '-' at column 10 but found a space"),
                malformed(
                        "task == 'x'",
                        5,
                        "expected '.' and an attribute name after 'task' at column 5 but found a space"),
                malformed(
                        "worker",
                        7,
                        "expected '.' and an attribute name after 'worker' at column 7 but found end of expression"),
                malformed(
                        "proficiency. support > 1",
                        13,
                        "expected an attribute name after '.' at column 13 but found a space"),
                malformed("task.1st == 1", 6, "expected an attribute name after '.' at column 6 but found '1'"),
                malformed("team == 'gold' @", 16, "unexpected character '@' at column 16"),
                malformed("team == 'gold'; level > 1", 15, "unexpected character ';' at column 15"),
                malformed("team\u0000== 'x'", 5, "unexpected character U+0000 at column 5"),
                malformed("name == 'é😀' AND @", 18, "unexpected character '@' at column 18"),
                malformed(
                        "skills HAS 'x' AND\n\tlevel >",
                        28,
                        "expected an attribute or a value after > at column 28 but found end of expression"));
    }

    private static Arguments malformed(String source, int column, String message) {
        return Arguments.of(source, column, message);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("malformedExpressions")
    void malformedExpressionsAreRejectedWithTheColumnAtFault(String source, int column, String message) {
        ExpressionSyntaxException error = syntaxError(source);

        assertThat(error).as("error for %s", source).isNotNull();
        assertThat(error.getMessage()).isEqualTo(message);
        assertThat(error.column()).isEqualTo(column);
        assertThat(error.properties()).containsEntry("column", column);
        assertThat(error.source()).isEqualTo(source);
    }

    @Nested
    class ProblemDetails {

        @Test
        void syntaxErrorsAreBadRequestApiExceptionsWithAStableCode() {
            ApiException error = syntaxError("team = 'gold'");

            assertThat(error.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(error.code()).isEqualTo("expression.invalid").isEqualTo(ExpressionSyntaxException.CODE);
        }

        @Test
        void expectedAndFoundAreReportedWhenMeaningful() {
            ExpressionSyntaxException error = syntaxError("(skills HAS 'support'");

            assertThat(error.expected()).contains("')'");
            assertThat(error.found()).contains("end of expression");
            assertThat(error.properties())
                    .containsEntry("column", 22)
                    .containsEntry("expected", "')'")
                    .containsEntry("found", "end of expression");
        }

        @Test
        void unknownOperatorsReportWhatWasFoundButExpectNothingSpecific() {
            ExpressionSyntaxException error = syntaxError("team = 'gold'");

            assertThat(error.expected()).isEmpty();
            assertThat(error.found()).contains("'='");
            assertThat(error.properties()).doesNotContainKey("expected").containsEntry("found", "'='");
        }

        @Test
        void longTokensAreShortenedInTheMessage() {
            ExpressionSyntaxException error = syntaxError("a == 1 b" + "c".repeat(100));

            assertThat(error.found()).contains("'b" + "c".repeat(23) + "…'");
        }
    }

    @Nested
    class CaretRendering {

        @Test
        void caretLineHasACaretUnderTheColumn() {
            ExpressionSyntaxException error = syntaxError("team = 'gold'");

            assertThat(error.caretLine()).isEqualTo("     ^");
            assertThat(error.sourceWithCaret()).isEqualTo("team = 'gold'" + "\n" + "     ^");
        }

        @Test
        void caretPointsPastTheEndWhenTheExpressionStopsTooEarly() {
            ExpressionSyntaxException error = syntaxError("(a == 1");

            assertThat(error.sourceWithCaret()).isEqualTo("(a == 1" + "\n" + "       ^");
        }

        @Test
        void caretKeepsTabsAndShowsLineBreaksAsSpacesSoItLinesUp() {
            ExpressionSyntaxException error = syntaxError("\ta == 1 AND\nb = 2");

            assertThat(error.column()).isEqualTo(15);
            assertThat(error.sourceWithCaret()).isEqualTo("\ta == 1 AND b = 2" + "\n" + "\t             ^");
        }

        @Test
        void caretCountsCharactersNotUtf16Units() {
            ExpressionSyntaxException error = syntaxError("'😀' == x y");

            assertThat(error.column()).isEqualTo(10);
            assertThat(error.caretLine()).isEqualTo(" ".repeat(9) + "^");
        }
    }

    @Nested
    class Limits {

        @Test
        void expressionsUpToTheLengthLimitAreAccepted() {
            String source = paddedTo(TargetExpression.MAX_LENGTH);

            assertThat(TargetExpression.parse(source).canonical()).isEqualTo("team == 'gold'");
        }

        @Test
        void longerExpressionsAreRejectedAtTheFirstCharacterPastTheLimit() {
            ExpressionSyntaxException error = syntaxError(paddedTo(TargetExpression.MAX_LENGTH + 1));

            assertThat(error.column()).isEqualTo(4097);
            assertThat(error.getMessage())
                    .isEqualTo("the expression goes past the limit of 4096 characters at column 4097;"
                            + " it is 4097 characters long");
        }

        @Test
        void hugeInputsAreRejectedWithoutReadingThem() {
            ExpressionSyntaxException error = syntaxError("(".repeat(1_000_000));

            assertThat(error.column()).isEqualTo(4097);
        }

        @Test
        void nestingUpToTheDepthLimitIsAccepted() {
            int depth = TargetExpression.MAX_DEPTH;
            String parentheses = "(".repeat(depth) + "a == 1" + ")".repeat(depth);
            String nots = "NOT ".repeat(depth) + "a == 1";
            String mixed = "(NOT ".repeat(depth / 2) + "a == 1" + ")".repeat(depth / 2);

            assertThat(TargetExpression.parse(parentheses).canonical()).isEqualTo("a == 1");
            assertThat(TargetExpression.parse(nots).canonical()).isEqualTo(nots);
            assertThat(TargetExpression.parse(mixed).tree())
                    .isEqualTo(TargetExpression.parse("NOT ".repeat(depth / 2) + "a == 1")
                            .tree());
        }

        @Test
        void parenthesesDeeperThanTheLimitAreRejectedAtTheFirstOneTooDeep() {
            String source = "(".repeat(65) + "a == 1" + ")".repeat(65);

            ExpressionSyntaxException error = syntaxError(source);

            assertThat(error.column()).isEqualTo(65);
            assertThat(error.getMessage())
                    .isEqualTo("the expression nests too deeply (more than 64 levels of parentheses and NOT) at"
                            + " column 65");
        }

        @Test
        void notChainsDeeperThanTheLimitAreRejected() {
            ExpressionSyntaxException error = syntaxError("NOT ".repeat(65) + "a == 1");

            assertThat(error.column()).isEqualTo(1 + 64 * 4);
        }

        @Test
        void hostileNestingWithinTheLengthLimitIsASyntaxErrorNotAStackOverflow() {
            assertThat(syntaxError("(".repeat(TargetExpression.MAX_LENGTH))).isNotNull();
            assertThat(syntaxError("NOT ".repeat(TargetExpression.MAX_LENGTH / 4)))
                    .isNotNull();
        }

        @Test
        void longFlatChainsAreNotNesting() {
            String source = String.join(" AND ", Collections.nCopies(300, "a == 1"));

            assertThat(TargetExpression.parse(source).tree()).isInstanceOf(Expression.And.class);
        }

        private static String paddedTo(int length) {
            String core = "team == 'gold'";
            return core + " ".repeat(length - core.length());
        }
    }
}
