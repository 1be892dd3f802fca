package dev.liaison.palettes.routing.expression;

/**
 * Writes an expression tree as canonical text: upper-case keywords, single spaces, single-quoted strings, and
 * parentheses around every AND or OR that is an operand of another AND, OR or NOT (so {@code a OR (b AND c)} shows its
 * grouping even where precedence would not need it). The text parses back to an equal tree.
 */
final class CanonicalForm {

    private CanonicalForm() {}

    static String of(Expression expression) {
        StringBuilder text = new StringBuilder();
        write(expression, text);
        return text.toString();
    }

    private static void write(Expression expression, StringBuilder text) {
        if (expression instanceof Expression.Comparison comparison) {
            text.append(comparison.left())
                    .append(' ')
                    .append(comparison.operator().symbol())
                    .append(' ')
                    .append(comparison.right());
        } else if (expression instanceof Expression.And and) {
            // A nested AND inside an AND was written in parentheses (the parser flattens a chain of ANDs).
            writeJoined(and.operands(), " AND ", text);
        } else if (expression instanceof Expression.Or or) {
            writeJoined(or.operands(), " OR ", text);
        } else if (expression instanceof Expression.Not not) {
            text.append("NOT ");
            writeOperand(not.operand(), text);
        } else if (expression instanceof Expression.Constant constant) {
            text.append(constant.value());
        }
    }

    private static void writeJoined(Iterable<Expression> operands, String separator, StringBuilder text) {
        String before = "";
        for (Expression operand : operands) {
            text.append(before);
            writeOperand(operand, text);
            before = separator;
        }
    }

    /** An operand of AND, OR or NOT: a nested AND or OR is always grouped in parentheses. */
    private static void writeOperand(Expression operand, StringBuilder text) {
        boolean group = operand instanceof Expression.And || operand instanceof Expression.Or;
        if (group) {
            text.append('(');
        }
        write(operand, text);
        if (group) {
            text.append(')');
        }
    }
}
