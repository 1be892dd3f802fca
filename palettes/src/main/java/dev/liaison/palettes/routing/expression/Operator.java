package dev.liaison.palettes.routing.expression;

/** The comparison operators of the language, each with the symbol used in its canonical form. */
public enum Operator {
    /** Same value: numbers numerically, strings exactly, lists element by element. */
    EQUALS("=="),
    /** Both operands are of the same type but not the same value. */
    NOT_EQUALS("!="),
    LESS_THAN("<"),
    GREATER_THAN(">"),
    LESS_OR_EQUAL("<="),
    GREATER_OR_EQUAL(">="),
    /** The left list contains the right value; a scalar on the left must equal it. */
    HAS("HAS"),
    /** The left list does not contain the right value; a scalar on the left must differ from it. */
    NOT_HAS("NOT HAS"),
    /** The left value is contained in the right list; a scalar on the right must equal it. */
    IN("IN"),
    /** The left value is not contained in the right list; a scalar on the right must differ from it. */
    NOT_IN("NOT IN");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    /** The operator as written in the canonical form, such as {@code >=} or {@code NOT IN}. */
    public String symbol() {
        return symbol;
    }

    @Override
    public String toString() {
        return symbol;
    }
}
