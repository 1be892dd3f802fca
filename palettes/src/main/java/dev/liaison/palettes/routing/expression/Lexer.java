package dev.liaison.palettes.routing.expression;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Splits a source text into tokens on demand, so that the leftmost problem in a source is the one reported. Holds the
 * position in the source; one instance reads one source once.
 */
final class Lexer {

    private static final Map<String, Operator> COMPARISONS = Map.of(
            "==", Operator.EQUALS,
            "!=", Operator.NOT_EQUALS,
            "<", Operator.LESS_THAN,
            ">", Operator.GREATER_THAN,
            "<=", Operator.LESS_OR_EQUAL,
            ">=", Operator.GREATER_OR_EQUAL);

    /** Hints for symbols that people bring from other languages. */
    private static final Map<String, String> HINTS = Map.of(
            "=", "use == to compare",
            "&&", "use AND",
            "&", "use AND",
            "||", "use OR",
            "|", "use OR",
            "!", "use NOT",
            "<>", "use != for 'not equal'",
            "=<", "use <=",
            "=>", "use >=",
            "===", "use ==");

    private final String source;
    private final List<Token> lookahead = new ArrayList<>();
    private int position;

    Lexer(String source) {
        this.source = source;
    }

    /** The token {@code distance} tokens ahead without consuming it; {@code peek(0)} is the next token. */
    Token peek(int distance) {
        while (lookahead.size() <= distance) {
            lookahead.add(scan());
        }
        return lookahead.get(distance);
    }

    Token peek() {
        return peek(0);
    }

    Token next() {
        Token token = peek(0);
        lookahead.remove(0);
        return token;
    }

    private Token scan() {
        skipWhitespace();
        if (position >= source.length()) {
            return new Token(Token.Type.END, "", source.length(), null);
        }
        char c = source.charAt(position);
        if (c == '\'' || c == '"') {
            return string(c);
        }
        if (isDigit(c) || (c == '-' && isDigit(charAt(position + 1)))) {
            return number();
        }
        if (isIdentifierStart(c)) {
            return word();
        }
        if (isOperatorChar(c)) {
            return comparison();
        }
        Token.Type punctuation =
                switch (c) {
                    case '(' -> Token.Type.LEFT_PAREN;
                    case ')' -> Token.Type.RIGHT_PAREN;
                    case '[' -> Token.Type.LEFT_BRACKET;
                    case ']' -> Token.Type.RIGHT_BRACKET;
                    case ',' -> Token.Type.COMMA;
                    case '*' -> Token.Type.STAR;
                    default -> null;
                };
        if (punctuation != null) {
            return new Token(punctuation, String.valueOf(c), position++, null);
        }
        if (c == '-') {
            throw ExpressionSyntaxException.expected(
                    source, position + 1, "a digit after '-'", describeCharAt(position + 1));
        }
        throw ExpressionSyntaxException.problem(
                source, position, "unexpected character " + describeCharAt(position), describeCharAt(position), null);
    }

    private void skipWhitespace() {
        while (position < source.length() && isWhitespace(source.charAt(position))) {
            position++;
        }
    }

    private Token string(char quote) {
        int start = position++;
        StringBuilder value = new StringBuilder();
        while (position < source.length()) {
            char c = source.charAt(position);
            if (c == quote) {
                position++;
                return new Token(Token.Type.STRING, source.substring(start, position), start, value.toString());
            }
            if (c == '\\') {
                char escaped = charAt(position + 1);
                if (escaped == '\'' || escaped == '"' || escaped == '\\') {
                    value.append(escaped);
                    position += 2;
                    continue;
                }
                if (position + 1 < source.length()) {
                    throw ExpressionSyntaxException.problem(
                            source,
                            position,
                            "unknown escape sequence '\\" + escaped + "'",
                            "'\\" + escaped + "'",
                            "only \\', \\\" and \\\\ are escapes");
                }
            }
            value.append(c);
            position++;
        }
        throw ExpressionSyntaxException.problem(
                source, start, "unterminated string starting", "end of expression", "close it with " + quote);
    }

    private Token number() {
        int start = position;
        if (source.charAt(position) == '-') {
            position++;
        }
        skipDigits();
        if (charAt(position) == '.') {
            if (!isDigit(charAt(position + 1))) {
                throw ExpressionSyntaxException.expected(
                        source, position + 1, "a digit after the decimal point", describeCharAt(position + 1));
            }
            position++;
            skipDigits();
        }
        if (isIdentifierPart(charAt(position)) || charAt(position) == '.') {
            int end = position;
            while (isIdentifierPart(charAt(end)) || charAt(end) == '.') {
                end++;
            }
            throw ExpressionSyntaxException.problem(
                    source,
                    start,
                    "malformed number '" + source.substring(start, end) + "'",
                    "'" + source.substring(start, end) + "'",
                    "numbers are written like 3, -2 or 4.5");
        }
        String text = source.substring(start, position);
        return new Token(Token.Type.NUMBER, text, start, new BigDecimal(text));
    }

    private Token word() {
        int start = position;
        List<String> segments = new ArrayList<>();
        segments.add(identifier());
        while (charAt(position) == '.') {
            if (!isIdentifierStart(charAt(position + 1))) {
                throw ExpressionSyntaxException.expected(
                        source, position + 1, "an attribute name after '.'", describeCharAt(position + 1));
            }
            position++;
            segments.add(identifier());
        }
        String text = source.substring(start, position);
        if (segments.size() == 1) {
            Optional<Keyword> keyword = Keyword.lookup(text);
            if (keyword.isPresent()) {
                return new Token(Token.Type.KEYWORD, text, start, keyword.get());
            }
            if (Keyword.isScopePrefix(text)) {
                throw ExpressionSyntaxException.expected(
                        source, position, "'.' and an attribute name after '" + text + "'", describeCharAt(position));
            }
        }
        return new Token(Token.Type.PATH, text, start, List.copyOf(segments));
    }

    private String identifier() {
        int start = position++;
        while (isIdentifierPart(charAt(position))) {
            position++;
        }
        return source.substring(start, position);
    }

    private Token comparison() {
        int start = position;
        while (isOperatorChar(charAt(position))) {
            position++;
        }
        String symbol = source.substring(start, position);
        Operator operator = COMPARISONS.get(symbol);
        if (operator == null) {
            throw ExpressionSyntaxException.problem(
                    source,
                    start,
                    "unknown operator '" + symbol + "'",
                    "'" + symbol + "'",
                    HINTS.getOrDefault(symbol, "comparisons are ==, !=, <, >, <=, >=, HAS, IN, NOT HAS and NOT IN"));
        }
        return new Token(Token.Type.COMPARISON, symbol, start, operator);
    }

    private void skipDigits() {
        while (isDigit(charAt(position))) {
            position++;
        }
    }

    /** The character at {@code index}, or NUL past the end (NUL never starts or continues a token). */
    private char charAt(int index) {
        return index < source.length() ? source.charAt(index) : '\0';
    }

    /** The character at {@code index} as an error message names it. */
    private String describeCharAt(int index) {
        if (index >= source.length()) {
            return "end of expression";
        }
        int codePoint = source.codePointAt(index);
        return switch (codePoint) {
            case ' ' -> "a space";
            case '\t' -> "a tab";
            case '\n', '\r' -> "a line break";
            default ->
                Character.isISOControl(codePoint) || !Character.isDefined(codePoint)
                        ? String.format("U+%04X", codePoint)
                        : "'" + new String(Character.toChars(codePoint)) + "'";
        };
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c);
    }

    private static boolean isOperatorChar(char c) {
        return c == '=' || c == '!' || c == '<' || c == '>' || c == '&' || c == '|';
    }
}
