package dev.liaison.palettes.routing.expression;

import java.util.Locale;
import java.util.Optional;

/** The reserved words of the language; they are recognised in any letter case. */
enum Keyword {
    AND,
    OR,
    NOT,
    IN,
    HAS,
    TRUE,
    FALSE,
    ALL;

    /** The keyword spelled by {@code word} in any letter case, if it is one. */
    static Optional<Keyword> lookup(String word) {
        for (Keyword keyword : values()) {
            if (keyword.name().equalsIgnoreCase(word)) {
                return Optional.of(keyword);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code word} is a path prefix that selects whose attributes a path reads. */
    static boolean isScopePrefix(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return lower.equals(Operand.TASK_PREFIX) || lower.equals(Operand.WORKER_PREFIX);
    }
}
