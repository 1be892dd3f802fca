package dev.liaison.palettes.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContextKeyValidationTest {

    private final ContextLimits limits = new ContextLimits(ContextProperties.defaults());

    @ParameterizedTest
    @ValueSource(strings = {"a", "orderNumber", "order_number", "menu.1", "x-forwarded-for", "A9"})
    void wellFormedKeysPass(String key) {
        assertThatCode(() -> ContextKeys.check(0, key, 128)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1st", "_private", ".dot", "has space", "naïve", "a/b", "a:b", "emoji😀"})
    void malformedKeysAreRejectedNamingTheEntry(String key) {
        assertThatThrownBy(() -> ContextKeys.check(3, key, 128))
                .isInstanceOf(InvalidContextEntryException.class)
                .satisfies(e -> {
                    InvalidContextEntryException invalid = (InvalidContextEntryException) e;
                    assertThat(invalid.code()).isEqualTo("context.key_invalid");
                    assertThat(invalid.properties()).containsEntry("field", "entries[3].key");
                });
    }

    @Test
    void keyOfExactlyTheLimitPassesAndOneMoreIsTooLong() {
        assertThatCode(() -> ContextKeys.check(0, "k".repeat(128), 128)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ContextKeys.check(0, "k".repeat(129), 128))
                .isInstanceOf(InvalidContextEntryException.class)
                .extracting(e -> ((InvalidContextEntryException) e).code())
                .isEqualTo("context.key_too_long");
    }

    @Test
    void writeSettingOneKeyTwiceIsRejected() {
        List<ContextEntryWrite> entries = List.of(
                ContextEntryWrite.of(ContextCategory.CUSTOM, "a", TextNode.valueOf("1")),
                ContextEntryWrite.of(ContextCategory.IDENTITY, "a", TextNode.valueOf("2")),
                ContextEntryWrite.of(ContextCategory.CUSTOM, "a", TextNode.valueOf("3")));
        assertThatThrownBy(() -> limits.checkEntries(entries))
                .isInstanceOf(InvalidContextEntryException.class)
                .satisfies(e -> {
                    InvalidContextEntryException invalid = (InvalidContextEntryException) e;
                    assertThat(invalid.code()).isEqualTo("context.duplicate_entry");
                    assertThat(invalid.properties()).containsEntry("field", "entries[2].key");
                });
    }

    @Test
    void severalPageViewsInOneWriteAreFineButRemovingOneIsNot() {
        assertThatCode(() -> limits.checkEntries(List.of(
                        ContextEntryWrite.of(ContextCategory.PAGES, "view", TextNode.valueOf("/a")),
                        ContextEntryWrite.of(ContextCategory.PAGES, "view", TextNode.valueOf("/b")))))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> limits.checkEntries(List.of(ContextEntryWrite.remove(ContextCategory.PAGES, "view"))))
                .isInstanceOf(InvalidContextEntryException.class)
                .extracting(e -> ((InvalidContextEntryException) e).code())
                .isEqualTo("context.value_invalid");
    }

    @Test
    void valueOverThePerValueLimitIsRejectedWithItsSize() {
        TextNode big = TextNode.valueOf("v".repeat(8192)); // 8,194 bytes with the quotes
        assertThatThrownBy(() -> limits.checkEntries(List.of(ContextEntryWrite.of(ContextCategory.CUSTOM, "big", big))))
                .isInstanceOf(ContextValueTooLargeException.class)
                .satisfies(e -> {
                    ContextValueTooLargeException tooLarge = (ContextValueTooLargeException) e;
                    assertThat(tooLarge.code()).isEqualTo("context.value_too_large");
                    assertThat(tooLarge.status().value()).isEqualTo(413);
                    assertThat(tooLarge.properties())
                            .containsEntry("limitBytes", 8192)
                            .containsEntry("sizeBytes", 8194)
                            .containsEntry("field", "entries[0].value");
                });
    }
}
