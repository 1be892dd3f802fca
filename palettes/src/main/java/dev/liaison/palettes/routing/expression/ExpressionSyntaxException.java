package dev.liaison.palettes.routing.expression;

import dev.liaison.palettes.web.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * A target expression that cannot be parsed. The message names the 1-based column at fault, such as {@code expected
 * ')' at column 17 but found end of expression}; the REST API reports it as a 400 problem with code {@value #CODE} and
 * the members {@code column} and, where meaningful, {@code expected} and {@code found}.
 */
public class ExpressionSyntaxException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** The problem code of every syntax error. */
    public static final String CODE = "expression.invalid";

    private final String source;
    private final int column;
    private final String expected;
    private final String found;

    private ExpressionSyntaxException(String source, int column, String message, String expected, String found) {
        super(HttpStatus.BAD_REQUEST, CODE, message, properties(column, expected, found));
        this.source = source;
        this.column = column;
        this.expected = expected;
        this.found = found;
    }

    /** {@code expected <expected> at column N but found <found>}, for the character at {@code offset}. */
    static ExpressionSyntaxException expected(String source, int offset, String expected, String found) {
        int column = column(source, offset);
        String message = "expected " + expected + " at column " + column + " but found " + found;
        return new ExpressionSyntaxException(source, column, message, expected, found);
    }

    /**
     * {@code <problem> at column N}, or {@code <problem> at column N; <hint>} when a hint is given, for the character
     * at {@code offset}; {@code found} (may be {@code null}) is what stands there.
     */
    static ExpressionSyntaxException problem(String source, int offset, String problem, String found, String hint) {
        int column = column(source, offset);
        String message = problem + " at column " + column + (hint == null ? "" : "; " + hint);
        return new ExpressionSyntaxException(source, column, message, null, found);
    }

    /** The 1-based column, counted in characters (Unicode code points), where the problem was found. */
    public int column() {
        return column;
    }

    /** The source text that failed to parse, as given. */
    public String source() {
        return source;
    }

    /** What the parser expected at the column, such as {@code ')'}, when it expected something specific. */
    public Optional<String> expected() {
        return Optional.ofNullable(expected);
    }

    /** What the parser found at the column instead, such as {@code end of expression}. */
    public Optional<String> found() {
        return Optional.ofNullable(found);
    }

    /**
     * A line with a caret under the column at fault, to print below the source: tabs before the column are kept so
     * that the caret lines up under a source indented with tabs.
     */
    public String caretLine() {
        StringBuilder caret = new StringBuilder();
        int index = 0;
        for (int position = 1; position < column && index < source.length(); position++) {
            int codePoint = source.codePointAt(index);
            caret.append(codePoint == '\t' ? '\t' : ' ');
            index += Character.charCount(codePoint);
        }
        while (caret.length() < column - 1) {
            caret.append(' ');
        }
        return caret.append('^').toString();
    }

    /**
     * The source on one line (line breaks shown as spaces, so that columns stay aligned), a {@code \n} and the
     * {@link #caretLine() caret line}, for logs and plain-text displays.
     */
    public String sourceWithCaret() {
        String oneLine = source.replace('\n', ' ').replace('\r', ' ');
        return oneLine + "\n" + caretLine();
    }

    private static int column(String source, int offset) {
        int bounded = Math.max(0, Math.min(offset, source.length()));
        return source.codePointCount(0, bounded) + 1 + Math.max(0, offset - source.length());
    }

    private static Map<String, Object> properties(int column, String expected, String found) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("column", column);
        if (expected != null) {
            properties.put("expected", expected);
        }
        if (found != null) {
            properties.put("found", found);
        }
        return properties;
    }
}
