package dev.liaison.palettes.context;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

class MergedContextDocumentTest {

    @Test
    void latestValuePerCategoryAndKeyWins() {
        ContextDocument document = new ContextDocument();
        document.apply(ContextEntryWrite.of(ContextCategory.CUSTOM, "plan", TextNode.valueOf("basic")));
        document.apply(ContextEntryWrite.of(ContextCategory.ROUTING, "plan", TextNode.valueOf("gold")));
        document.apply(ContextEntryWrite.of(ContextCategory.CUSTOM, "plan", TextNode.valueOf("premium")));

        assertThat(document.toJson().toString())
                .isEqualTo("{\"custom\":{\"plan\":\"premium\"},\"routing\":{\"plan\":\"gold\"}}");
        assertThat(document.keyCount()).isEqualTo(2);
    }

    @Test
    void nullRemovesTheKeyAndAnEmptyCategoryDisappears() {
        ContextDocument document = new ContextDocument();
        document.apply(ContextEntryWrite.of(ContextCategory.DEVICE, "os", TextNode.valueOf("iOS")));
        document.apply(ContextEntryWrite.remove(ContextCategory.DEVICE, "os"));
        document.apply(ContextEntryWrite.remove(ContextCategory.DEVICE, "never-set"));

        assertThat(document.toJson().toString()).isEqualTo("{}");
        assertThat(document.keyCount()).isZero();
    }

    @Test
    void pagesAppendInOrderAndKeepOnlyTheLast() {
        ContextDocument document = new ContextDocument();
        for (int page = 1; page <= 7; page++) {
            document.apply(ContextEntryWrite.of(ContextCategory.PAGES, "view", IntNode.valueOf(page)));
        }
        document.keepLastPages(3);

        assertThat(document.toJson().toString()).isEqualTo("{\"pages\":[5,6,7]}");
        assertThat(document.pageCount()).isEqualTo(3);
        assertThat(document.keyCount()).isZero();
    }

    @Test
    void categoriesComeInFixedOrderAndKeysSorted() {
        ContextDocument document = new ContextDocument();
        document.put(ContextCategory.ROUTING, "b", IntNode.valueOf(1));
        document.put(ContextCategory.IDENTITY, "z", IntNode.valueOf(1));
        document.put(ContextCategory.IDENTITY, "a", IntNode.valueOf(1));

        assertThat(document.toJson().toString()).isEqualTo("{\"identity\":{\"a\":1,\"z\":1},\"routing\":{\"b\":1}}");
    }
}
