package dev.liaison.palettes.context;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Measures JSON the way the context limits are defined: the number of UTF-8 bytes of its compact serialization (no
 * whitespace, non-ASCII characters as raw UTF-8, not escaped).
 */
final class JsonSize {

    /** Writes characters outside the BMP (emoji) as their 4 UTF-8 bytes, not as two escaped surrogates. */
    private static final ObjectMapper COMPACT = JsonMapper.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    private JsonSize() {}

    static int utf8Bytes(JsonNode json) {
        CountingStream counter = new CountingStream();
        try {
            COMPACT.writeValue(counter, json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure a JSON value", e);
        }
        return Math.toIntExact(counter.count);
    }

    /** Counts what is written and keeps nothing. */
    private static final class CountingStream extends OutputStream {

        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            count += length;
        }
    }
}
