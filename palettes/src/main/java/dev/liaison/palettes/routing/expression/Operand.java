package dev.liaison.palettes.routing.expression;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One side of a comparison: a literal value or a path into the agent's or the task's attributes. {@code toString()}
 * gives the canonical text of the operand.
 */
public sealed interface Operand {

    /** Path prefix that reads the task's attributes. */
    String TASK_PREFIX = "task";

    /** Optional path prefix that reads the agent's (worker's) attributes explicitly. */
    String WORKER_PREFIX = "worker";

    /** Whose attributes a path reads. */
    enum Scope {
        /** The agent being considered for the task; paths read it unless they start with {@code task.}. */
        AGENT,
        /** The task being routed; paths starting with {@code task.} read it. */
        TASK
    }

    /**
     * A literal value. Its {@code value} is a {@link String}, a {@link BigDecimal} (every number, so that {@code 5}
     * and {@code 5L} give equal literals), a {@link Boolean}, or an immutable {@link List} of those.
     */
    record Literal(Object value) implements Operand {

        public Literal {
            value = normalize(value, true);
        }

        /** A literal holding {@code value}; numbers of any Java type become {@link BigDecimal}. */
        public static Literal of(Object value) {
            return new Literal(value);
        }

        private static Object normalize(Object value, boolean listAllowed) {
            Objects.requireNonNull(value, "value");
            if (value instanceof String || value instanceof Boolean) {
                return value;
            }
            if (value instanceof Number number) {
                BigDecimal decimal = Values.decimal(number);
                if (decimal == null) {
                    throw new IllegalArgumentException("a literal number must be finite: " + number);
                }
                // A negative scale (1E+3) would print as 1000 and parse back with scale 0: keep the parsed form.
                return decimal.scale() < 0 ? decimal.setScale(0) : decimal;
            }
            if (value instanceof Collection<?> elements && listAllowed) {
                List<Object> copy = new ArrayList<>(elements.size());
                for (Object element : elements) {
                    copy.add(normalize(element, false));
                }
                return List.copyOf(copy);
            }
            throw new IllegalArgumentException("a literal is a string, a number, a boolean or a list of those, not: "
                    + value.getClass().getName());
        }

        @Override
        public String toString() {
            return Values.render(value);
        }
    }

    /**
     * A dotted path into the agent's or the task's attributes, such as {@code proficiency.support}: each segment
     * names a key of a nested map.
     */
    record Attribute(Scope scope, List<String> segments) implements Operand {

        private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

        public Attribute {
            Objects.requireNonNull(scope, "scope");
            segments = List.copyOf(segments);
            if (segments.isEmpty()) {
                throw new IllegalArgumentException("an attribute path needs at least one segment");
            }
            for (String segment : segments) {
                if (!IDENTIFIER.matcher(segment).matches()) {
                    throw new IllegalArgumentException("not an attribute name: '" + segment + "'");
                }
            }
        }

        /** A path into the agent's attributes. */
        public static Attribute agent(String... segments) {
            return new Attribute(Scope.AGENT, List.of(segments));
        }

        /** A path into the task's attributes. */
        public static Attribute task(String... segments) {
            return new Attribute(Scope.TASK, List.of(segments));
        }

        /** The segments joined by dots, without any {@code task.} or {@code worker.} prefix. */
        public String path() {
            return String.join(".", segments);
        }

        /**
         * The canonical text: {@code task.} before task paths; agent paths are bare unless their first segment is a
         * keyword or a scope prefix, in which case {@code worker.} keeps them readable as a path.
         */
        @Override
        public String toString() {
            if (scope == Scope.TASK) {
                return TASK_PREFIX + "." + path();
            }
            String first = segments.get(0);
            boolean needsPrefix = Keyword.lookup(first).isPresent() || Keyword.isScopePrefix(first);
            return needsPrefix ? WORKER_PREFIX + "." + path() : path();
        }
    }
}
