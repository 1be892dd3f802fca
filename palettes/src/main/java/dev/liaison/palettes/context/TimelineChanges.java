package dev.liaison.palettes.context;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a context write is described in the details of its {@code context.updated} timeline event: one map per entry
 * with {@code category}, {@code key} and either {@code value}, {@code appended} value or {@code removed}. The values of
 * sensitive keys are replaced by {@link #MASK}.
 */
final class TimelineChanges {

    /** What the timeline shows instead of a sensitive value. */
    static final String MASK = "[masked]";

    private TimelineChanges() {}

    static Map<String, Object> set(ContextEntryWrite change, boolean sensitive) {
        Map<String, Object> described = named(change, sensitive);
        described.put("value", sensitive ? MASK : change.value());
        return described;
    }

    static Map<String, Object> appended(ContextEntryWrite change) {
        Map<String, Object> described = named(change, change.sensitive());
        described.put("appended", true);
        described.put("value", change.sensitive() ? MASK : change.value());
        return described;
    }

    static Map<String, Object> removed(ContextEntryWrite change, boolean sensitive) {
        Map<String, Object> described = named(change, sensitive);
        described.put("removed", true);
        return described;
    }

    private static Map<String, Object> named(ContextEntryWrite change, boolean sensitive) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("category", change.category().wireName());
        described.put("key", change.key());
        if (sensitive) {
            described.put("sensitive", true);
        }
        return described;
    }
}
