package dev.liaison.palettes.context;

import dev.liaison.palettes.web.ApiException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * One entry of a context write is malformed: its key is too long or does not match the key pattern, it repeats a key
 * of the same write, or it removes a page view. The code says which; the {@code field} names the entry.
 */
public class InvalidContextEntryException extends ApiException {

    private static final long serialVersionUID = 1L;

    private InvalidContextEntryException(String code, String field, String message) {
        super(
                HttpStatus.BAD_REQUEST,
                code,
                field + " " + message,
                Map.of("field", field, "errors", List.of(Map.of("field", field, "message", message))));
    }

    static InvalidContextEntryException keyTooLong(int index, int maxLength) {
        return new InvalidContextEntryException(
                "context.key_too_long", keyField(index), "must be at most " + maxLength + " characters");
    }

    static InvalidContextEntryException keyInvalid(int index) {
        return new InvalidContextEntryException(
                "context.key_invalid",
                keyField(index),
                "must start with a letter and contain only letters, digits, '_', '.' and '-'");
    }

    static InvalidContextEntryException duplicate(int index, ContextCategory category, String key) {
        return new InvalidContextEntryException(
                "context.duplicate_entry",
                keyField(index),
                "repeats " + category.wireName() + "." + key + ", which this write already sets");
    }

    static InvalidContextEntryException pageRemoval(int index) {
        return new InvalidContextEntryException(
                "context.value_invalid",
                "entries[" + index + "].value",
                "must not be null for category pages: page views are appended, never removed");
    }

    private static String keyField(int index) {
        return "entries[" + index + "].key";
    }
}
