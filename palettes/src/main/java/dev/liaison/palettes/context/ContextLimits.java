package dev.liaison.palettes.context;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks a context write against the configured limits. Every check throws before anything is stored. */
final class ContextLimits {

    private final ContextProperties properties;

    ContextLimits(ContextProperties properties) {
        this.properties = properties;
    }

    /** Checks the entries on their own: key shape, repeated keys, page removals and the size of each value. */
    void checkEntries(List<ContextEntryWrite> entries) {
        Set<String> seen = new HashSet<>();
        for (int index = 0; index < entries.size(); index++) {
            ContextEntryWrite entry = entries.get(index);
            ContextKeys.check(index, entry.key(), properties.maxKeyLength());
            if (entry.category().appends()) {
                if (entry.removes()) {
                    throw InvalidContextEntryException.pageRemoval(index);
                }
            } else if (!seen.add(entry.category().wireName() + "\u0000" + entry.key())) {
                throw InvalidContextEntryException.duplicate(index, entry.category(), entry.key());
            }
            if (!entry.removes()) {
                int bytes = JsonSize.utf8Bytes(entry.value());
                if (bytes > properties.maxValueBytes()) {
                    throw new ContextValueTooLargeException(
                            index, entry.category(), entry.key(), properties.maxValueBytes(), bytes);
                }
            }
        }
    }

    /**
     * Checks the merged context as it would be after the write.
     *
     * @return its size in bytes
     */
    int checkDocument(ContextDocument document) {
        int keys = document.keyCount();
        if (keys > properties.maxKeys()) {
            throw new TooManyContextKeysException(properties.maxKeys(), keys);
        }
        int size = document.sizeBytes();
        if (size > properties.maxContextBytes()) {
            throw new ContextTooLargeException(properties.maxContextBytes(), size);
        }
        return size;
    }

    int maxContextBytes() {
        return properties.maxContextBytes();
    }

    int maxPages() {
        return properties.maxPages();
    }
}
