package dev.liaison.media.benchmark;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bencoding (the BitTorrent encoding rtpengine's ng control protocol uses): byte strings, integers, lists and
 * dictionaries with sorted keys. Strings are decoded as UTF-8 text, which is all the ng replies carry.
 */
final class Bencode {
    private static final int MAX_DEPTH = 32;

    private Bencode() {}

    static byte[] encode(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(value, out);
        return out.toByteArray();
    }

    private static void write(Object value, ByteArrayOutputStream out) {
        if (value instanceof String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(bytes);
        } else if (value instanceof Integer || value instanceof Long) {
            out.writeBytes(("i" + value + "e").getBytes(StandardCharsets.US_ASCII));
        } else if (value instanceof List<?> list) {
            out.write('l');
            list.forEach(v -> write(v, out));
            out.write('e');
        } else if (value instanceof Map<?, ?> map) {
            out.write('d');
            new TreeMap<>(map).forEach((k, v) -> {
                write((String) k, out);
                write(v, out);
            });
            out.write('e');
        } else {
            throw new IllegalArgumentException("cannot bencode " + value);
        }
    }

    /** Decodes one value that fills {@code data} from {@code offset} to the end. */
    static Object decode(byte[] data, int offset) {
        Reader reader = new Reader(data, offset);
        Object value = reader.value(0);
        if (reader.pos != data.length) {
            throw new IllegalArgumentException("trailing bytes after the bencoded value");
        }
        return value;
    }

    private static final class Reader {
        private final byte[] data;
        private int pos;

        Reader(byte[] data, int pos) {
            this.data = data;
            this.pos = pos;
        }

        Object value(int depth) {
            if (depth > MAX_DEPTH) {
                throw new IllegalArgumentException("bencode nested too deep");
            }
            byte b = at(pos);
            if (b == 'i') {
                int end = find('e', pos + 1);
                long v = Long.parseLong(new String(data, pos + 1, end - pos - 1, StandardCharsets.US_ASCII));
                pos = end + 1;
                return v;
            }
            if (b == 'l') {
                pos++;
                List<Object> list = new ArrayList<>();
                while (at(pos) != 'e') {
                    list.add(value(depth + 1));
                }
                pos++;
                return list;
            }
            if (b == 'd') {
                pos++;
                Map<String, Object> map = new LinkedHashMap<>();
                while (at(pos) != 'e') {
                    String key = string();
                    map.put(key, value(depth + 1));
                }
                pos++;
                return map;
            }
            return string();
        }

        private String string() {
            int colon = find(':', pos);
            int length = Integer.parseInt(new String(data, pos, colon - pos, StandardCharsets.US_ASCII));
            if (length < 0 || colon + 1 + length > data.length) {
                throw new IllegalArgumentException("bencoded string runs past the end");
            }
            String s = new String(data, colon + 1, length, StandardCharsets.UTF_8);
            pos = colon + 1 + length;
            return s;
        }

        private byte at(int i) {
            if (i >= data.length) {
                throw new IllegalArgumentException("bencoded value cut short");
            }
            return data[i];
        }

        private int find(char c, int from) {
            for (int i = from; i < data.length; i++) {
                if (data[i] == c) {
                    return i;
                }
            }
            throw new IllegalArgumentException("bencoded value cut short");
        }
    }
}
