package dev.liaison.palettes.context;

import jakarta.persistence.AttributeConverter;

/** Stores a {@link WireNamed} enum as its wire name, the form the CHECK constraints of the schema list. */
abstract class WireNameConverter<E extends Enum<E> & WireNamed> implements AttributeConverter<E, String> {

    private final Class<E> type;

    WireNameConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.wireName();
    }

    @Override
    public E convertToEntityAttribute(String column) {
        return column == null ? null : WireNamed.fromWireName(type, column);
    }

    @jakarta.persistence.Converter
    static class ChannelConverter extends WireNameConverter<Channel> {
        ChannelConverter() {
            super(Channel.class);
        }
    }

    @jakarta.persistence.Converter
    static class CategoryConverter extends WireNameConverter<ContextCategory> {
        CategoryConverter() {
            super(ContextCategory.class);
        }
    }

    @jakarta.persistence.Converter
    static class SourceConverter extends WireNameConverter<ContextSource> {
        SourceConverter() {
            super(ContextSource.class);
        }
    }
}
