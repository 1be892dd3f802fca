package dev.liaison.palettes.routing.expression;

import java.util.List;
import java.util.Objects;

/**
 * The immutable syntax tree of a target expression. Records compare by structure, so two sources that differ only in
 * spacing, letter case of keywords, quoting or a {@code worker.} prefix parse to equal trees. {@code toString()} gives
 * the canonical text, which parses back to an equal tree.
 */
public sealed interface Expression {

    /** {@code left operator right}, such as {@code languages HAS task.language}. */
    record Comparison(Operand left, Operator operator, Operand right) implements Expression {

        public Comparison {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public String toString() {
            return CanonicalForm.of(this);
        }
    }

    /** True when every operand is true; evaluated left to right, stopping at the first false operand. */
    record And(List<Expression> operands) implements Expression {

        public And {
            operands = atLeastTwo(operands, "AND");
        }

        public static And of(Expression... operands) {
            return new And(List.of(operands));
        }

        @Override
        public String toString() {
            return CanonicalForm.of(this);
        }
    }

    /** True when any operand is true; evaluated left to right, stopping at the first true operand. */
    record Or(List<Expression> operands) implements Expression {

        public Or {
            operands = atLeastTwo(operands, "OR");
        }

        public static Or of(Expression... operands) {
            return new Or(List.of(operands));
        }

        @Override
        public String toString() {
            return CanonicalForm.of(this);
        }
    }

    /** The negation of its operand. */
    record Not(Expression operand) implements Expression {

        public Not {
            Objects.requireNonNull(operand, "operand");
        }

        @Override
        public String toString() {
            return CanonicalForm.of(this);
        }
    }

    /** {@code true} (also written {@code ALL} or {@code *}), which every agent matches, or {@code false}. */
    record Constant(boolean value) implements Expression {

        @Override
        public String toString() {
            return CanonicalForm.of(this);
        }
    }

    private static List<Expression> atLeastTwo(List<Expression> operands, String operator) {
        List<Expression> copy = List.copyOf(operands);
        if (copy.size() < 2) {
            throw new IllegalArgumentException(operator + " needs at least two operands, got " + copy.size());
        }
        return copy;
    }
}
