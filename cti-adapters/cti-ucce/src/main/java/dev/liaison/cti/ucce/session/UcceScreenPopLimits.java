package dev.liaison.cti.ucce.session;

import dev.liaison.cti.api.screenpop.ScreenPopField;
import dev.liaison.cti.api.screenpop.ScreenPopLimits;
import java.nio.charset.StandardCharsets;

/**
 * What UCCE call data can carry (the guide's field sizes include the null terminator): CallVariable1..10 at most 40
 * bytes each (STRING 41); ECC variable names at most 32 bytes (STRING 33), values at most 210 (STRING 211); all
 * NamedVariable and NamedArray fields of one message together at most 2000 bytes.
 */
public final class UcceScreenPopLimits implements ScreenPopLimits {

    public static final int CALL_VARIABLE_BYTES = 40;
    public static final int ECC_NAME_BYTES = 32;
    public static final int ECC_VALUE_BYTES = 210;
    public static final int ECC_POOL_BYTES = 2000;

    public static final UcceScreenPopLimits INSTANCE = new UcceScreenPopLimits();

    private UcceScreenPopLimits() {}

    @Override
    public boolean supports(ScreenPopField field) {
        if (field instanceof ScreenPopField.CallVariable) {
            return true;
        }
        if (field instanceof ScreenPopField.NamedVariable nv) {
            return nameFits(nv.name());
        }
        return field instanceof ScreenPopField.NamedArray na && nameFits(na.name());
    }

    private static boolean nameFits(String name) {
        return name.getBytes(StandardCharsets.UTF_8).length <= ECC_NAME_BYTES;
    }

    @Override
    public int maxValueBytes(ScreenPopField field) {
        return field instanceof ScreenPopField.CallVariable ? CALL_VARIABLE_BYTES : ECC_VALUE_BYTES;
    }

    @Override
    public int pooledBytes(ScreenPopField field, int valueBytes) {
        if (field instanceof ScreenPopField.NamedVariable nv) {
            return nv.name().getBytes(StandardCharsets.UTF_8).length + valueBytes + 2;
        }
        if (field instanceof ScreenPopField.NamedArray na) {
            return 1 + na.name().getBytes(StandardCharsets.UTF_8).length + valueBytes + 2;
        }
        return 0;
    }

    @Override
    public int poolBytes() {
        return ECC_POOL_BYTES;
    }
}
