package dev.liaison.cti.api.screenpop;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which Liaison context key goes to which vendor screen-pop field, in order (the order decides who gets the shared pool
 * first), and what to do when a value does not fit. Built from configuration ({@code key -> field spec}); context keys
 * absent from a contact are skipped. Immutable.
 */
public final class ScreenPopMapping {

    /** One mapping rule. */
    public record Rule(String contextKey, ScreenPopField field) {
        public Rule {
            if (contextKey == null || contextKey.isBlank()) {
                throw new IllegalArgumentException("contextKey is required");
            }
            Objects.requireNonNull(field, "field");
        }
    }

    /** Most rules one mapping may have: more than any vendor has fields. */
    public static final int MAX_RULES = 200;

    private final List<Rule> rules;
    private final OverflowPolicy policy;

    public ScreenPopMapping(List<Rule> rules, OverflowPolicy policy) {
        if (rules.size() > MAX_RULES) {
            throw new IllegalArgumentException("At most " + MAX_RULES + " screen-pop rules, got " + rules.size());
        }
        this.rules = List.copyOf(rules);
        this.policy = Objects.requireNonNull(policy, "policy");
        long distinct = this.rules.stream().map(Rule::field).distinct().count();
        if (distinct != this.rules.size()) {
            throw new IllegalArgumentException("Each screen-pop field may be the target of one context key only");
        }
    }

    /** From configuration: {@code {"correlationId": "CallVariable1", "customer.name": "ECC:user.name"}}, in order. */
    public static ScreenPopMapping of(Map<String, String> keyToField, OverflowPolicy policy) {
        List<Rule> rules = new ArrayList<>();
        keyToField.forEach((key, spec) -> rules.add(new Rule(key, ScreenPopField.parse(spec))));
        return new ScreenPopMapping(rules, policy);
    }

    public List<Rule> rules() {
        return rules;
    }

    public OverflowPolicy policy() {
        return policy;
    }

    /**
     * Maps the context onto the vendor's fields within {@code limits}.
     *
     * @throws ScreenPopLimitException under {@link OverflowPolicy#REJECT} when anything does not fit
     */
    public ScreenPop apply(Map<String, String> context, ScreenPopLimits limits) throws ScreenPopLimitException {
        Map<ScreenPopField, String> values = new LinkedHashMap<>();
        List<ScreenPopViolation> violations = new ArrayList<>();
        int poolUsed = 0;
        for (Rule rule : rules) {
            String value = context.get(rule.contextKey());
            if (value == null) {
                continue;
            }
            ScreenPopField field = rule.field();
            if (!limits.supports(field)) {
                violations.add(new ScreenPopViolation(
                        rule.contextKey(), field, ScreenPopViolation.Kind.UNSUPPORTED_FIELD, 0, 0));
                continue;
            }
            int bytes = utf8Length(value);
            int max = limits.maxValueBytes(field);
            if (bytes > max) {
                violations.add(new ScreenPopViolation(
                        rule.contextKey(), field, ScreenPopViolation.Kind.VALUE_TOO_LONG, bytes, max));
                value = truncate(value, max);
                bytes = utf8Length(value);
            }
            int pooled = limits.pooledBytes(field, bytes);
            if (poolUsed + pooled > limits.poolBytes()) {
                violations.add(new ScreenPopViolation(
                        rule.contextKey(), field, ScreenPopViolation.Kind.POOL_FULL, pooled, limits.poolBytes()));
                continue;
            }
            poolUsed += pooled;
            values.put(field, value);
        }
        if (policy == OverflowPolicy.REJECT && !violations.isEmpty()) {
            throw new ScreenPopLimitException(violations);
        }
        return new ScreenPop(values, violations);
    }

    static int utf8Length(String value) {
        return value.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The longest prefix of {@code value} whose UTF-8 form has at most {@code maxBytes} bytes. */
    static String truncate(String value, int maxBytes) {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();
        ByteBuffer out = ByteBuffer.allocate(Math.max(0, maxBytes));
        CharBuffer in = CharBuffer.wrap(value);
        encoder.encode(in, out, true);
        return value.substring(0, in.position());
    }
}
