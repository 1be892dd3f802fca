package dev.liaison.cti.api.screenpop;

import java.util.Locale;
import java.util.Objects;

/**
 * A vendor's screen-pop slot. Written in configuration as: {@code CallVariable1} .. {@code CallVariable10} (UCCE/Finesse
 * call variables), {@code ECC:name} (UCCE expanded call context scalar), {@code ECC:name[3]} (ECC array element),
 * {@code attribute:name} (Genesys Cloud participant attribute), {@code private:name} (CSTA private data).
 */
public sealed interface ScreenPopField {

    /** The vendor-side name, as it appears in events' call data. */
    String vendorName();

    record CallVariable(int index) implements ScreenPopField {
        public CallVariable {
            if (index < 1 || index > 10) {
                throw new IllegalArgumentException("CallVariable index is 1..10, got " + index);
            }
        }

        @Override
        public String vendorName() {
            return "CallVariable" + index;
        }
    }

    record NamedVariable(String name) implements ScreenPopField {
        public NamedVariable {
            requireName(name);
        }

        @Override
        public String vendorName() {
            return name;
        }
    }

    record NamedArray(String name, int index) implements ScreenPopField {
        public NamedArray {
            requireName(name);
            if (index < 0 || index > 255) {
                throw new IllegalArgumentException("ECC array index is 0..255, got " + index);
            }
        }

        @Override
        public String vendorName() {
            return name + "[" + index + "]";
        }
    }

    record Attribute(String name) implements ScreenPopField {
        public Attribute {
            requireName(name);
        }

        @Override
        public String vendorName() {
            return name;
        }
    }

    record PrivateData(String name) implements ScreenPopField {
        public PrivateData {
            requireName(name);
        }

        @Override
        public String vendorName() {
            return name;
        }
    }

    /** Parses the configuration form described on the interface. */
    static ScreenPopField parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        String s = spec.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("callvariable")) {
            try {
                return new CallVariable(Integer.parseInt(s.substring("callvariable".length())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Not a call variable: " + spec);
            }
        }
        int colon = s.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException(
                    "Screen-pop field is CallVariableN, ECC:name, ECC:name[i], attribute:name or private:name: "
                            + spec);
        }
        String kind = lower.substring(0, colon);
        String name = s.substring(colon + 1);
        return switch (kind) {
            case "ecc" -> {
                int open = name.indexOf('[');
                if (open < 0) {
                    yield new NamedVariable(name);
                }
                if (!name.endsWith("]")) {
                    throw new IllegalArgumentException("ECC array element is ECC:name[index]: " + spec);
                }
                try {
                    yield new NamedArray(
                            name.substring(0, open), Integer.parseInt(name.substring(open + 1, name.length() - 1)));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("ECC array index is a number: " + spec);
                }
            }
            case "attribute" -> new Attribute(name);
            case "private" -> new PrivateData(name);
            default -> throw new IllegalArgumentException("Unknown screen-pop field kind '" + kind + "' in " + spec);
        };
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank() || name.length() > 128) {
            throw new IllegalArgumentException("A screen-pop field name has 1 to 128 characters");
        }
    }
}
