package io.ashspring.migrate.model;

/**
 * A schema-qualified name, {@code public.tickets}.
 *
 * @param schema the schema
 * @param name the table (or index) name
 */
public record QualifiedName(String schema, String name) implements Comparable<QualifiedName> {

    /** Canonical constructor: both parts are required. */
    public QualifiedName {
        if (schema == null || name == null) {
            throw new IllegalArgumentException("a qualified name needs a schema and a name, got " + schema + "." + name);
        }
    }

    /** Parses {@code schema.name}, or {@code name} in {@code defaultSchema}. */
    public static QualifiedName parse(String text, String defaultSchema) {
        int dot = text.indexOf('.');
        return dot < 0 ? new QualifiedName(defaultSchema, text) : new QualifiedName(text.substring(0, dot), text.substring(dot + 1));
    }

    /** The same name in another schema. */
    public QualifiedName inSchema(String otherSchema) {
        return new QualifiedName(otherSchema, name);
    }

    /** Another name in the same schema. */
    public QualifiedName named(String otherName) {
        return new QualifiedName(schema, otherName);
    }

    @Override
    public int compareTo(QualifiedName other) {
        int bySchema = schema.compareTo(other.schema);
        return bySchema != 0 ? bySchema : name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return schema + "." + name;
    }
}
