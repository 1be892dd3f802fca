package dev.liaison.cti.ucce.protocol;

import dev.liaison.cti.ucce.protocol.CtiProtocolException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The floating part of a message: fields in any order, some repeated (named variables, list members). Parsing checks
 * that every field lies within the message; reading a STRING checks its null terminator.
 */
public final class FloatingFields {

    private record Field(int tag, byte[] data) {}

    private final String messageName;
    private final List<Field> fields;

    private FloatingFields(String messageName, List<Field> fields) {
        this.messageName = messageName;
        this.fields = fields;
    }

    static FloatingFields parse(String messageName, byte[] body, int from) throws CtiProtocolException {
        List<Field> fields = new ArrayList<>();
        int pos = from;
        while (pos < body.length) {
            if (pos + 2 > body.length) {
                throw new CtiProtocolException(Reason.MALFORMED, messageName + ": floating field header cut off");
            }
            int tag = body[pos] & 0xff;
            int len = body[pos + 1] & 0xff;
            pos += 2;
            if (pos + len > body.length) {
                throw new CtiProtocolException(
                        Reason.MALFORMED, messageName + ": floating field " + tag + " runs past the message end");
            }
            byte[] data = new byte[len];
            System.arraycopy(body, pos, data, 0, len);
            fields.add(new Field(tag, data));
            pos += len;
        }
        return new FloatingFields(messageName, fields);
    }

    public Optional<String> string(int tag) throws CtiProtocolException {
        for (Field f : fields) {
            if (f.tag() == tag) {
                return Optional.of(decodeString(tag, f.data(), 0, f.data().length));
            }
        }
        return Optional.empty();
    }

    public String stringOrNull(int tag) throws CtiProtocolException {
        return string(tag).orElse(null);
    }

    public List<String> strings(int tag) throws CtiProtocolException {
        List<String> values = new ArrayList<>();
        for (Field f : fields) {
            if (f.tag() == tag) {
                values.add(decodeString(tag, f.data(), 0, f.data().length));
            }
        }
        return values;
    }

    public Optional<Long> uint(int tag) throws CtiProtocolException {
        for (Field f : fields) {
            if (f.tag() == tag) {
                if (f.data().length != 4) {
                    throw new CtiProtocolException(
                            Reason.MALFORMED,
                            messageName + ": UINT field " + tag + " has " + f.data().length + " bytes");
                }
                byte[] d = f.data();
                return Optional.of(
                        ((d[0] & 0xffL) << 24) | ((d[1] & 0xffL) << 16) | ((d[2] & 0xffL) << 8) | (d[3] & 0xffL));
            }
        }
        return Optional.empty();
    }

    public Optional<byte[]> raw(int tag) {
        return fields.stream()
                .filter(f -> f.tag() == tag)
                .map(f -> f.data().clone())
                .findFirst();
    }

    /** NAMEDVAR fields as name -> value, in order. */
    public Map<String, String> namedVariables() throws CtiProtocolException {
        Map<String, String> values = new LinkedHashMap<>();
        for (Field f : fields) {
            if (f.tag() == Tag.NAMED_VARIABLE) {
                byte[] d = f.data();
                int nul = indexOfNul(d, 0);
                if (nul < 0) {
                    throw new CtiProtocolException(Reason.MALFORMED, messageName + ": named variable without a name");
                }
                values.put(
                        new String(d, 0, nul, StandardCharsets.UTF_8),
                        decodeString(Tag.NAMED_VARIABLE, d, nul + 1, d.length));
            }
        }
        return values;
    }

    /** NAMEDARRAY fields as {@code name[index]} -> value, in order. */
    public Map<String, String> namedArrays() throws CtiProtocolException {
        Map<String, String> values = new LinkedHashMap<>();
        for (Field f : fields) {
            if (f.tag() == Tag.NAMED_ARRAY) {
                byte[] d = f.data();
                if (d.length < 1) {
                    throw new CtiProtocolException(Reason.MALFORMED, messageName + ": empty named array field");
                }
                int nul = indexOfNul(d, 1);
                if (nul < 0) {
                    throw new CtiProtocolException(Reason.MALFORMED, messageName + ": named array without a name");
                }
                String name = new String(d, 1, nul - 1, StandardCharsets.UTF_8);
                values.put(name + "[" + (d[0] & 0xff) + "]", decodeString(Tag.NAMED_ARRAY, d, nul + 1, d.length));
            }
        }
        return values;
    }

    private static int indexOfNul(byte[] d, int from) {
        for (int i = from; i < d.length; i++) {
            if (d[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private String decodeString(int tag, byte[] d, int from, int to) throws CtiProtocolException {
        if (to <= from || d[to - 1] != 0) {
            throw new CtiProtocolException(
                    Reason.MALFORMED, messageName + ": STRING field " + tag + " is not null-terminated");
        }
        return new String(d, from, to - 1 - from, StandardCharsets.UTF_8);
    }
}
