package dev.liaison.palettes.routing.expression;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A recursive-descent parser for one source text. The grammar, from loosest to tightest binding:
 *
 * <pre>
 * expression := or END
 * or         := and ( OR and )*
 * and        := unary ( AND unary )*
 * unary      := NOT unary | primary
 * primary    := '(' or ')' | TRUE | FALSE | ALL | '*' | comparison
 * comparison := operand ( '==' | '!=' | '&lt;' | '&gt;' | '&lt;=' | '&gt;=' | HAS | IN | NOT HAS | NOT IN ) operand
 * operand    := STRING | NUMBER | TRUE | FALSE | PATH | '[' ( scalar ( ',' scalar )* )? ']'
 * </pre>
 *
 * A chain of ANDs (or of ORs) becomes one node with all its operands; parentheses and NOT count towards the nesting
 * limit, which keeps the recursion, and every later walk over the tree, shallow.
 */
final class Parser {

    private final String source;
    private final Lexer lexer;
    private final int maxDepth;
    private int depth;

    private Parser(String source, int maxDepth) {
        this.source = source;
        this.lexer = new Lexer(source);
        this.maxDepth = maxDepth;
    }

    /** Parses {@code source}, whose length the caller has already checked. */
    static Expression parse(String source, int maxDepth) {
        return new Parser(source, maxDepth).expression();
    }

    private Expression expression() {
        if (lexer.peek().is(Token.Type.END)) {
            throw unexpected(lexer.peek(), "an expression");
        }
        Expression expression = or();
        Token trailing = lexer.peek();
        if (!trailing.is(Token.Type.END)) {
            throw unexpected(trailing, "AND, OR or end of expression");
        }
        return expression;
    }

    private Expression or() {
        List<Expression> operands = new ArrayList<>();
        operands.add(and());
        while (lexer.peek().is(Keyword.OR)) {
            lexer.next();
            operands.add(and());
        }
        return operands.size() == 1 ? operands.get(0) : new Expression.Or(operands);
    }

    private Expression and() {
        List<Expression> operands = new ArrayList<>();
        operands.add(unary());
        while (lexer.peek().is(Keyword.AND)) {
            lexer.next();
            operands.add(unary());
        }
        return operands.size() == 1 ? operands.get(0) : new Expression.And(operands);
    }

    private Expression unary() {
        Token token = lexer.peek();
        if (token.is(Keyword.NOT)) {
            lexer.next();
            enter(token);
            Expression operand = unary();
            depth--;
            return new Expression.Not(operand);
        }
        return primary();
    }

    private Expression primary() {
        Token token = lexer.peek();
        if (token.is(Token.Type.LEFT_PAREN)) {
            lexer.next();
            enter(token);
            Expression inner = or();
            Token closing = lexer.next();
            if (!closing.is(Token.Type.RIGHT_PAREN)) {
                throw unexpected(closing, "')'");
            }
            depth--;
            return inner;
        }
        if (token.is(Token.Type.STAR) || token.is(Keyword.ALL)) {
            lexer.next();
            return new Expression.Constant(true);
        }
        if ((token.is(Keyword.TRUE) || token.is(Keyword.FALSE)) && !startsComparator(lexer.peek(1))) {
            lexer.next();
            return new Expression.Constant(token.is(Keyword.TRUE));
        }
        if (!startsOperand(token)) {
            throw unexpected(token, "an attribute, a value, NOT or '('");
        }
        return comparison();
    }

    private Expression comparison() {
        Operand left = operand();
        Operator operator = comparator();
        if (!startsOperand(lexer.peek())) {
            throw unexpected(lexer.peek(), "an attribute or a value after " + operator.symbol());
        }
        Operand right = operand();
        return new Expression.Comparison(left, operator, right);
    }

    private Operator comparator() {
        Token token = lexer.next();
        if (token.is(Token.Type.COMPARISON)) {
            return (Operator) token.value();
        }
        if (token.is(Keyword.HAS)) {
            return Operator.HAS;
        }
        if (token.is(Keyword.IN)) {
            return Operator.IN;
        }
        if (token.is(Keyword.NOT)) {
            Token negated = lexer.next();
            if (negated.is(Keyword.HAS)) {
                return Operator.NOT_HAS;
            }
            if (negated.is(Keyword.IN)) {
                return Operator.NOT_IN;
            }
            throw unexpected(negated, "HAS or IN after NOT");
        }
        throw unexpected(token, "a comparison operator (==, !=, <, >, <=, >=, HAS, IN, NOT HAS, NOT IN)");
    }

    private Operand operand() {
        Token token = lexer.next();
        if (token.is(Token.Type.PATH)) {
            return path(token);
        }
        if (token.is(Token.Type.LEFT_BRACKET)) {
            return list();
        }
        return new Operand.Literal(scalar(token));
    }

    private static Operand.Attribute path(Token token) {
        @SuppressWarnings("unchecked")
        List<String> segments = (List<String>) token.value();
        String first = segments.get(0);
        if (first.equalsIgnoreCase(Operand.TASK_PREFIX)) {
            return new Operand.Attribute(Operand.Scope.TASK, segments.subList(1, segments.size()));
        }
        if (first.equalsIgnoreCase(Operand.WORKER_PREFIX)) {
            return new Operand.Attribute(Operand.Scope.AGENT, segments.subList(1, segments.size()));
        }
        return new Operand.Attribute(Operand.Scope.AGENT, segments);
    }

    private Operand list() {
        List<Object> elements = new ArrayList<>();
        if (lexer.peek().is(Token.Type.RIGHT_BRACKET)) {
            lexer.next();
            return new Operand.Literal(elements);
        }
        while (true) {
            Token element = lexer.next();
            if (!isScalar(element)) {
                throw unexpected(element, "a string, a number, true or false in the list");
            }
            elements.add(scalar(element));
            Token separator = lexer.next();
            if (separator.is(Token.Type.RIGHT_BRACKET)) {
                return new Operand.Literal(elements);
            }
            if (!separator.is(Token.Type.COMMA)) {
                throw unexpected(separator, "',' or ']'");
            }
        }
    }

    /** The value of a string, number or boolean token; the caller has checked that it is one. */
    private static Object scalar(Token token) {
        if (token.is(Keyword.TRUE)) {
            return Boolean.TRUE;
        }
        if (token.is(Keyword.FALSE)) {
            return Boolean.FALSE;
        }
        if (token.is(Token.Type.NUMBER)) {
            return (BigDecimal) token.value();
        }
        return (String) token.value();
    }

    private static boolean isScalar(Token token) {
        return token.is(Token.Type.STRING)
                || token.is(Token.Type.NUMBER)
                || token.is(Keyword.TRUE)
                || token.is(Keyword.FALSE);
    }

    private static boolean startsOperand(Token token) {
        return isScalar(token) || token.is(Token.Type.PATH) || token.is(Token.Type.LEFT_BRACKET);
    }

    private static boolean startsComparator(Token token) {
        return token.is(Token.Type.COMPARISON)
                || token.is(Keyword.HAS)
                || token.is(Keyword.IN)
                || token.is(Keyword.NOT);
    }

    /** Counts one more level of parentheses or NOT, refusing to go deeper than the limit. */
    private void enter(Token token) {
        depth++;
        if (depth > maxDepth) {
            throw ExpressionSyntaxException.problem(
                    source,
                    token.offset(),
                    "the expression nests too deeply (more than " + maxDepth + " levels of parentheses and NOT)",
                    token.describe(),
                    null);
        }
    }

    private ExpressionSyntaxException unexpected(Token token, String expected) {
        return ExpressionSyntaxException.expected(source, token.offset(), expected, token.describe());
    }
}
