package dev.liaison.cti.api.screenpop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of mapping a context: the values per vendor field, in mapping order, and what did not fit (empty when
 * everything did). Under {@link OverflowPolicy#TRUNCATE} the violations say what was cut or dropped.
 */
public record ScreenPop(Map<ScreenPopField, String> values, List<ScreenPopViolation> violations) {

    public ScreenPop {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        violations = List.copyOf(violations);
    }

    public boolean complete() {
        return violations.isEmpty();
    }
}
