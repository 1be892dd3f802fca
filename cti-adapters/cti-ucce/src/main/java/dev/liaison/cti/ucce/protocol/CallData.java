package dev.liaison.cti.ucce.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The call context fields several messages share: ANI, DNIS, dialed number, caller-entered digits, the RouterCallKey,
 * CallVariable1..10, and ECC named variables and array elements ({@code name[index]}). Absent fields are null/empty.
 */
public record CallData(
        String ani,
        String dnis,
        String dialedNumber,
        String callerEnteredDigits,
        Long routerCallKeyDay,
        Long routerCallKeyCallId,
        Map<Integer, String> callVariables,
        Map<String, String> namedVariables,
        Map<String, String> namedArrays) {

    public static final CallData EMPTY = new CallData(null, null, null, null, null, null, Map.of(), Map.of(), Map.of());

    public CallData {
        callVariables = Map.copyOf(callVariables);
        namedVariables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(namedVariables));
        namedArrays = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(namedArrays));
    }

    /** Every screen-pop value by its vendor name: {@code CallVariable1}, ECC names, {@code name[i]}. */
    public Map<String, String> byVendorName() {
        Map<String, String> all = new LinkedHashMap<>();
        callVariables.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> all.put("CallVariable" + e.getKey(), e.getValue()));
        all.putAll(namedVariables);
        all.putAll(namedArrays);
        return all;
    }

    void writeTo(MessageWriter w) {
        w.string(Tag.ANI, ani)
                .string(Tag.DNIS, dnis)
                .string(Tag.DIALED_NUMBER, dialedNumber)
                .string(Tag.CED, callerEnteredDigits)
                .uintField(Tag.ROUTER_CALL_KEY_DAY, routerCallKeyDay)
                .uintField(Tag.ROUTER_CALL_KEY_CALLID, routerCallKeyCallId);
        callVariables.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> w.string(Tag.callVariable(e.getKey()), e.getValue()));
        namedVariables.forEach(w::namedVariable);
        namedArrays.forEach((key, value) -> {
            int open = key.lastIndexOf('[');
            w.namedArray(key.substring(0, open), Integer.parseInt(key.substring(open + 1, key.length() - 1)), value);
        });
    }

    static CallData readFrom(FloatingFields f) throws CtiProtocolException {
        Map<Integer, String> vars = new LinkedHashMap<>();
        for (int i = 1; i <= 10; i++) {
            String v = f.stringOrNull(Tag.callVariable(i));
            if (v != null) {
                vars.put(i, v);
            }
        }
        return new CallData(
                f.stringOrNull(Tag.ANI),
                f.stringOrNull(Tag.DNIS),
                f.stringOrNull(Tag.DIALED_NUMBER),
                f.stringOrNull(Tag.CED),
                f.uint(Tag.ROUTER_CALL_KEY_DAY).orElse(null),
                f.uint(Tag.ROUTER_CALL_KEY_CALLID).orElse(null),
                vars,
                f.namedVariables(),
                f.namedArrays());
    }

    int namedVariableCount() {
        return namedVariables.size();
    }

    int namedArrayCount() {
        return namedArrays.size();
    }
}
