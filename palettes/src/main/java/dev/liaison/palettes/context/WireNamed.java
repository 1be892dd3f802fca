package dev.liaison.palettes.context;

/** An enum constant with the lower-case name it has in JSON and in the database. */
interface WireNamed {

    String wireName();

    static <E extends Enum<E> & WireNamed> E fromWireName(Class<E> type, String name) {
        for (E constant : type.getEnumConstants()) {
            if (constant.wireName().equals(name)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("unknown " + type.getSimpleName() + ": " + name);
    }
}
