package dev.liaison.palettes.routing.expression;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The value rules of the language, shared by evaluation, literals and explanations: which values are of the same
 * type, when two values are the same, how values are ordered, and how a value is written as text.
 *
 * <p>Attribute values are JSON-like: strings, numbers of any Java type, booleans, lists (any {@link Collection}) and
 * nested maps. Anything else, and non-finite numbers, compare with nothing.
 */
final class Values {

    /** The type of a value as far as the language is concerned. */
    enum Kind {
        NUMBER,
        STRING,
        BOOLEAN,
        LIST,
        MAP,
        OTHER
    }

    private static final int MAX_RENDER_DEPTH = 8;

    private Values() {}

    static Kind kind(Object value) {
        if (value instanceof Number number) {
            return decimal(number) == null ? Kind.OTHER : Kind.NUMBER;
        }
        if (value instanceof CharSequence) {
            return Kind.STRING;
        }
        if (value instanceof Boolean) {
            return Kind.BOOLEAN;
        }
        if (value instanceof Collection) {
            return Kind.LIST;
        }
        if (value instanceof Map) {
            return Kind.MAP;
        }
        return Kind.OTHER;
    }

    /** {@code number} as an exact decimal, or {@code null} when it is not finite (NaN, infinities). */
    static BigDecimal decimal(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal;
        }
        if (number instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (number instanceof Integer
                || number instanceof Long
                || number instanceof Short
                || number instanceof Byte
                || number instanceof AtomicInteger
                || number instanceof AtomicLong) {
            return BigDecimal.valueOf(number.longValue());
        }
        if (number instanceof Float single) {
            // Float.toString gives the shortest decimal that reads back as this float: 0.1f is 0.1, not 0.100000001.
            return Float.isFinite(single) ? new BigDecimal(single.toString()) : null;
        }
        double value = number.doubleValue();
        return Double.isFinite(value) ? BigDecimal.valueOf(value) : null;
    }

    /**
     * Whether two values are the same: numbers numerically whatever their Java types, strings exactly, booleans,
     * lists element by element in order, maps key by key. Values of different types are never the same.
     */
    static boolean same(Object left, Object right) {
        Kind kind = kind(left);
        if (kind != kind(right)) {
            return false;
        }
        return switch (kind) {
            case NUMBER -> decimal((Number) left).compareTo(decimal((Number) right)) == 0;
            case STRING -> left.toString().equals(right.toString());
            case BOOLEAN -> left.equals(right);
            case LIST -> sameElements((Collection<?>) left, (Collection<?>) right);
            case MAP -> sameEntries((Map<?, ?>) left, (Map<?, ?>) right);
            case OTHER -> false;
        };
    }

    /** Whether two values are of the same type, so that {@code ==} and {@code !=} can compare them. */
    static boolean comparable(Object left, Object right) {
        Kind kind = kind(left);
        return kind != Kind.OTHER && kind == kind(right);
    }

    /**
     * The order of two numbers (numerically) or two strings (lexicographically by UTF-16 code unit, so case-sensitive);
     * empty for any other pair.
     */
    static OptionalInt order(Object left, Object right) {
        Kind kind = kind(left);
        if (kind != kind(right)) {
            return OptionalInt.empty();
        }
        if (kind == Kind.NUMBER) {
            return OptionalInt.of(decimal((Number) left).compareTo(decimal((Number) right)));
        }
        if (kind == Kind.STRING) {
            return OptionalInt.of(left.toString().compareTo(right.toString()));
        }
        return OptionalInt.empty();
    }

    /** Whether the list {@code elements} holds an element that is the same as {@code value}. */
    static boolean contains(Collection<?> elements, Object value) {
        for (Object element : elements) {
            if (same(element, value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameElements(Collection<?> left, Collection<?> right) {
        if (left.size() != right.size()) {
            return false;
        }
        Iterator<?> others = right.iterator();
        for (Object element : left) {
            if (!others.hasNext() || !same(element, others.next())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameEntries(Map<?, ?> left, Map<?, ?> right) {
        if (left.size() != right.size()) {
            return false;
        }
        for (Map.Entry<?, ?> entry : left.entrySet()) {
            if (!right.containsKey(entry.getKey()) || !same(entry.getValue(), right.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code value} written as in the language: strings in single quotes, numbers in plain decimal notation, lists in
     * brackets; maps, which have no literal, as {@code {key: value}}. {@code null} is written {@code missing}.
     */
    static String render(Object value) {
        StringBuilder text = new StringBuilder();
        render(value, text, 0);
        return text.toString();
    }

    private static void render(Object value, StringBuilder text, int depth) {
        if (depth > MAX_RENDER_DEPTH) {
            text.append('…');
        } else if (value == null) {
            text.append("missing");
        } else if (value instanceof CharSequence string) {
            text.append(quote(string.toString()));
        } else if (value instanceof Number number) {
            BigDecimal decimal = decimal(number);
            text.append(decimal == null ? number.toString() : decimal.toPlainString());
        } else if (value instanceof Collection<?> elements) {
            text.append('[');
            String separator = "";
            for (Object element : elements) {
                text.append(separator);
                render(element, text, depth + 1);
                separator = ", ";
            }
            text.append(']');
        } else if (value instanceof Map<?, ?> map) {
            text.append('{');
            String separator = "";
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                text.append(separator).append(entry.getKey()).append(": ");
                render(entry.getValue(), text, depth + 1);
                separator = ", ";
            }
            text.append('}');
        } else {
            text.append(value);
        }
    }

    /** {@code string} in single quotes, with backslashes and single quotes escaped by a backslash. */
    static String quote(String string) {
        StringBuilder quoted = new StringBuilder(string.length() + 2).append('\'');
        for (int i = 0; i < string.length(); i++) {
            char c = string.charAt(i);
            if (c == '\'' || c == '\\') {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.append('\'').toString();
    }
}
