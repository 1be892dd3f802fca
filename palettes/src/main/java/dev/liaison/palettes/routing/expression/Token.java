package dev.liaison.palettes.routing.expression;

/**
 * One token of a source text.
 *
 * @param type what kind of token it is
 * @param text the token as written in the source
 * @param offset the index of its first character in the source
 * @param value the parsed value: the {@link String} of a string, the {@link java.math.BigDecimal} of a number, the
 *     {@code List<String>} segments of a path, the {@link Keyword} of a keyword, the {@link Operator} of a comparison
 *     symbol; {@code null} for punctuation and the end
 */
record Token(Type type, String text, int offset, Object value) {

    private static final int MAX_DESCRIBED_LENGTH = 24;

    enum Type {
        STRING,
        NUMBER,
        PATH,
        KEYWORD,
        COMPARISON,
        LEFT_PAREN,
        RIGHT_PAREN,
        LEFT_BRACKET,
        RIGHT_BRACKET,
        COMMA,
        STAR,
        END
    }

    boolean is(Type expected) {
        return type == expected;
    }

    boolean is(Keyword keyword) {
        return type == Type.KEYWORD && value == keyword;
    }

    /** The token as an error message names it, such as {@code 'CONTAINS'}, {@code string 'fr'} or the end. */
    String describe() {
        String shown = text.length() > MAX_DESCRIBED_LENGTH ? text.substring(0, MAX_DESCRIBED_LENGTH) + "…" : text;
        return switch (type) {
            case END -> "end of expression";
            case STRING -> "string " + shown;
            case NUMBER -> "number " + shown;
            default -> "'" + shown + "'";
        };
    }
}
