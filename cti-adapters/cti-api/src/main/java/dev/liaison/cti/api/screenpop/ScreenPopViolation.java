package dev.liaison.cti.api.screenpop;

/**
 * One context value that did not fit: which key, which field, why, and how many bytes it had against the limit.
 *
 * @param kind {@link Kind#VALUE_TOO_LONG}, {@link Kind#POOL_FULL} or {@link Kind#UNSUPPORTED_FIELD}
 */
public record ScreenPopViolation(String contextKey, ScreenPopField field, Kind kind, int bytes, int limit) {

    public enum Kind {
        VALUE_TOO_LONG,
        POOL_FULL,
        UNSUPPORTED_FIELD
    }

    public String describe() {
        return switch (kind) {
            case VALUE_TOO_LONG -> contextKey + " -> " + field.vendorName() + ": " + bytes + " bytes, limit " + limit;
            case POOL_FULL -> contextKey + " -> " + field.vendorName() + ": shared pool of " + limit + " bytes full";
            case UNSUPPORTED_FIELD -> contextKey + " -> " + field.vendorName() + ": field not supported by this vendor";
        };
    }
}
