package dev.liaison.palettes.context;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The merged context of one interaction: the latest value per (category, key), and the page history as a list. Its
 * JSON form is what the API returns and what the size limit measures:
 *
 * <pre>{"identity": {"customerId": "42"}, "pages": [{"url": "/pricing"}], "routing": {"language": "fr"}}</pre>
 *
 * Categories appear in a fixed order and only when not empty; keys are sorted.
 */
final class ContextDocument {

    private final Map<ContextCategory, TreeMap<String, JsonNode>> values = new EnumMap<>(ContextCategory.class);
    private final List<JsonNode> pages = new ArrayList<>();

    /** The document of stored entries, read in id order so that page views come oldest first. */
    static ContextDocument of(List<ContextEntry> entries) {
        ContextDocument document = new ContextDocument();
        for (ContextEntry entry : entries) {
            if (entry.category().appends()) {
                document.appendPage(entry.value());
            } else {
                document.put(entry.category(), entry.key(), entry.value());
            }
        }
        return document;
    }

    /** Applies one entry of a write: appends a page view, removes a key (JSON null), or sets the latest value. */
    void apply(ContextEntryWrite entry) {
        if (entry.category().appends()) {
            appendPage(entry.value());
        } else if (entry.removes()) {
            remove(entry.category(), entry.key());
        } else {
            put(entry.category(), entry.key(), entry.value());
        }
    }

    void put(ContextCategory category, String key, JsonNode value) {
        values.computeIfAbsent(category, c -> new TreeMap<>()).put(key, value);
    }

    void remove(ContextCategory category, String key) {
        TreeMap<String, JsonNode> keys = values.get(category);
        if (keys != null) {
            keys.remove(key);
            if (keys.isEmpty()) {
                values.remove(category);
            }
        }
    }

    void appendPage(JsonNode page) {
        pages.add(page);
    }

    /** Drops the oldest page views beyond {@code maxPages}. */
    void keepLastPages(int maxPages) {
        if (pages.size() > maxPages) {
            pages.subList(0, pages.size() - maxPages).clear();
        }
    }

    /** Keys over all categories; page views are not keys. */
    int keyCount() {
        return values.values().stream().mapToInt(Map::size).sum();
    }

    int pageCount() {
        return pages.size();
    }

    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        for (ContextCategory category : ContextCategory.values()) {
            if (category.appends()) {
                if (!pages.isEmpty()) {
                    ArrayNode list = json.putArray(category.wireName());
                    pages.forEach(list::add);
                }
            } else {
                TreeMap<String, JsonNode> keys = values.get(category);
                if (keys != null && !keys.isEmpty()) {
                    ObjectNode object = json.putObject(category.wireName());
                    keys.forEach(object::set);
                }
            }
        }
        return json;
    }

    /** UTF-8 bytes of the compact JSON form; 2 for an empty context ({@code {}}). */
    int sizeBytes() {
        return JsonSize.utf8Bytes(toJson());
    }
}
