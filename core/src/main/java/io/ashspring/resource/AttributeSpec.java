package io.ashspring.resource;

import java.util.List;
import java.util.function.Supplier;

/**
 * Options of one attribute, as {@code configure(ResourceSpec)} may change them. Starts from what
 * the annotations said.
 */
public final class AttributeSpec {

    final String name;
    Boolean allowNil;
    Boolean writable;
    Boolean isPublic;
    Boolean sensitive;
    Object defaultValue;
    Supplier<?> defaultSupplier;
    String sqlDefault;
    String columnType;
    Integer minLength;
    Integer maxLength;
    String match;
    String min;
    String max;
    List<String> oneOf;
    String renamedFrom;

    AttributeSpec(String name) {
        this.name = name;
    }

    /** {@code false}: required. */
    public AttributeSpec allowNil(boolean value) {
        this.allowNil = value;
        return this;
    }

    /** {@code false}: cannot be set by input. */
    public AttributeSpec writable(boolean value) {
        this.writable = value;
        return this;
    }

    /** {@code false}: untrusted input cannot reach it. */
    public AttributeSpec isPublic(boolean value) {
        this.isPublic = value;
        return this;
    }

    /** {@code true}: redacted from logs and errors. */
    public AttributeSpec sensitive(boolean value) {
        this.sensitive = value;
        return this;
    }

    /** A literal default, applied on create when the input leaves the attribute out. */
    public AttributeSpec defaultValue(Object value) {
        this.defaultValue = value;
        return this;
    }

    /** A default computed in Java on each create (a generated default). */
    public AttributeSpec defaultValue(Supplier<?> supplier) {
        this.defaultSupplier = supplier;
        return this;
    }

    /** A column default written verbatim into migrations ({@code now()}). */
    public AttributeSpec sqlDefault(String sql) {
        this.sqlDefault = sql;
        return this;
    }

    /** Overrides the column type in migrations. */
    public AttributeSpec columnType(String type) {
        this.columnType = type;
        return this;
    }

    /** Minimum length of text, or size of a list. */
    public AttributeSpec minLength(int value) {
        this.minLength = value;
        return this;
    }

    /** Maximum length of text, or size of a list. */
    public AttributeSpec maxLength(int value) {
        this.maxLength = value;
        return this;
    }

    /** A regular expression the whole text must match. */
    public AttributeSpec match(String regex) {
        this.match = regex;
        return this;
    }

    /** The smallest allowed number. */
    public AttributeSpec min(Number value) {
        this.min = value.toString();
        return this;
    }

    /** The largest allowed number. */
    public AttributeSpec max(Number value) {
        this.max = value.toString();
        return this;
    }

    /** The allowed texts. */
    public AttributeSpec oneOf(String... values) {
        this.oneOf = List.of(values);
        return this;
    }

    /** The column's previous name, so that migrations rename it; see {@link Renamed}. */
    public AttributeSpec renamedFrom(String previousColumn) {
        this.renamedFrom = previousColumn;
        return this;
    }
}
