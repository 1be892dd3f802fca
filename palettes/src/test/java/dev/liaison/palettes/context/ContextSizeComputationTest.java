package dev.liaison.palettes.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ContextSizeComputationTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void sizeIsUtf8BytesOfCompactJson() throws Exception {
        JsonNode value = json.readTree("{ \"a\" : [ 1, 2 ],\n  \"b\" : null }");
        assertThat(JsonSize.utf8Bytes(value)).isEqualTo("{\"a\":[1,2],\"b\":null}".length());
    }

    @Test
    void nonAsciiCharactersCountTheirUtf8Bytes() {
        String text = "zürich ☎ 😀"; // ü: 2 bytes, ☎: 3 bytes, 😀: 4 bytes
        assertThat(JsonSize.utf8Bytes(TextNode.valueOf(text)))
                .isEqualTo(text.getBytes(StandardCharsets.UTF_8).length + 2)
                .isEqualTo(2 + (1 + 2 + 1 + 1 + 1 + 1) + 1 + 3 + 1 + 4);
    }

    @Test
    void escapesCountAsWritten() {
        assertThat(JsonSize.utf8Bytes(TextNode.valueOf("a\"b\n"))).isEqualTo("\"a\\\"b\\n\"".length());
    }

    @Test
    void emptyContextTakesTwoBytes() {
        assertThat(new ContextDocument().sizeBytes()).isEqualTo(2);
    }

    @Test
    void documentSizeIsTheSizeOfItsJson() {
        ContextDocument document = new ContextDocument();
        document.put(ContextCategory.ROUTING, "language", TextNode.valueOf("fr"));
        document.put(ContextCategory.IDENTITY, "customerId", IntNode.valueOf(42));
        document.appendPage(TextNode.valueOf("/pricing"));
        String expected =
                "{\"identity\":{\"customerId\":42},\"pages\":[\"/pricing\"],\"routing\":{\"language\":\"fr\"}}";
        assertThat(document.toJson().toString()).isEqualTo(expected);
        assertThat(document.sizeBytes()).isEqualTo(expected.length());
    }

    @Test
    void contextExactlyAtTheLimitPassesAndOneByteMoreIsTooLarge() {
        ContextLimits limits = new ContextLimits(ContextProperties.defaults());
        ContextDocument document = new ContextDocument();
        // {"custom":{"k":"..."}} has 19 bytes around the text
        document.put(ContextCategory.CUSTOM, "k", TextNode.valueOf("x".repeat(32_768 - 19)));
        assertThat(limits.checkDocument(document)).isEqualTo(32_768);

        document.put(ContextCategory.CUSTOM, "k", TextNode.valueOf("x".repeat(32_768 - 18)));
        assertThatThrownBy(() -> limits.checkDocument(document))
                .isInstanceOf(ContextTooLargeException.class)
                .satisfies(e -> {
                    ContextTooLargeException tooLarge = (ContextTooLargeException) e;
                    assertThat(tooLarge.code()).isEqualTo("context.too_large");
                    assertThat(tooLarge.status().value()).isEqualTo(413);
                    assertThat(tooLarge.limitBytes()).isEqualTo(32_768);
                    assertThat(tooLarge.sizeBytes()).isEqualTo(32_769);
                    assertThat(tooLarge.properties())
                            .containsEntry("limitBytes", 32_768)
                            .containsEntry("sizeBytes", 32_769);
                });
    }

    @Test
    void tooManyKeysIsCheckedBeforeSize() {
        ContextLimits limits =
                new ContextLimits(new ContextProperties(Duration.ofHours(24), 32_768, 8_192, 128, 2, 50));
        ContextDocument document = new ContextDocument();
        document.put(ContextCategory.CUSTOM, "a", IntNode.valueOf(1));
        document.put(ContextCategory.DEVICE, "a", IntNode.valueOf(1));
        document.appendPage(TextNode.valueOf("/not-a-key"));
        assertThat(limits.checkDocument(document)).isPositive();

        document.put(ContextCategory.IVR, "a", IntNode.valueOf(1));
        assertThatThrownBy(() -> limits.checkDocument(document))
                .isInstanceOf(TooManyContextKeysException.class)
                .extracting(e -> ((TooManyContextKeysException) e).code())
                .isEqualTo("context.too_many_keys");
    }

    @Test
    void badSettingsFailFast() {
        assertThatThrownBy(() -> new ContextProperties(Duration.ZERO, 32_768, 8_192, 128, 256, 50))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("resume-window");
        assertThatThrownBy(() -> new ContextProperties(Duration.ofHours(1), 4_096, 8_192, 128, 256, 50))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max-value-bytes");
    }
}
