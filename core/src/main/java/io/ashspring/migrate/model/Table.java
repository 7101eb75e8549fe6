package io.ashspring.migrate.model;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A table and everything on it.
 *
 * @param schema the schema
 * @param name the table name
 * @param columns the columns, in order
 * @param primaryKey the primary key, or {@code null}
 * @param foreignKeys the foreign keys
 * @param indexes the indexes (identity, reference and custom)
 * @param checks the check constraints
 * @param statements the custom statements
 * @param createOptions SQL appended to {@code CREATE TABLE} (partitioning), or {@code null}
 */
public record Table(String schema, String name, List<Column> columns, PrimaryKey primaryKey, List<ForeignKey> foreignKeys,
                    List<Index> indexes, List<Check> checks, List<Statement> statements, String createOptions) {

    /** Canonical constructor: copies; absent lists are empty. */
    public Table {
        columns = copy(columns);
        foreignKeys = copy(foreignKeys);
        indexes = copy(indexes);
        checks = copy(checks);
        statements = copy(statements);
        createOptions = createOptions == null || createOptions.isBlank() ? null : createOptions;
    }

    /** The schema-qualified name. */
    public QualifiedName qualifiedName() {
        return new QualifiedName(schema, name);
    }

    /** The column with this name. */
    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** The table alone: columns, primary key and create options, without what is added to it afterwards. */
    public Table bare() {
        return new Table(schema, name, columns, primaryKey, List.of(), List.of(), List.of(), List.of(), createOptions);
    }

    /** The same table under another qualified name. */
    public Table at(QualifiedName qualified) {
        return new Table(qualified.schema(), qualified.name(), columns, primaryKey, foreignKeys, indexes, checks, statements,
                createOptions);
    }

    /** A copy with other columns. */
    public Table withColumns(List<Column> value) {
        return new Table(schema, name, value, primaryKey, foreignKeys, indexes, checks, statements, createOptions);
    }

    /** A copy with another primary key ({@code null}: none). */
    public Table withPrimaryKey(PrimaryKey value) {
        return new Table(schema, name, columns, value, foreignKeys, indexes, checks, statements, createOptions);
    }

    /** A copy with other foreign keys. */
    public Table withForeignKeys(List<ForeignKey> value) {
        return new Table(schema, name, columns, primaryKey, value, indexes, checks, statements, createOptions);
    }

    /** A copy with other indexes. */
    public Table withIndexes(List<Index> value) {
        return new Table(schema, name, columns, primaryKey, foreignKeys, value, checks, statements, createOptions);
    }

    /** A copy with other checks. */
    public Table withChecks(List<Check> value) {
        return new Table(schema, name, columns, primaryKey, foreignKeys, indexes, value, statements, createOptions);
    }

    /** A copy with other statements. */
    public Table withStatements(List<Statement> value) {
        return new Table(schema, name, columns, primaryKey, foreignKeys, indexes, checks, value, createOptions);
    }

    /** A copy whose column names (in columns, keys, indexes and checks) are mapped; expressions are left alone. */
    public Table mapColumns(UnaryOperator<String> rename) {
        List<Column> renamedColumns = columns.stream().map(c -> c.renamed(rename.apply(c.name()))).toList();
        PrimaryKey renamedKey = primaryKey == null ? null
                : new PrimaryKey(primaryKey.name(), primaryKey.columns().stream().map(rename).toList());
        List<ForeignKey> renamedForeignKeys = foreignKeys.stream().map(f -> new ForeignKey(f.name(),
                f.columns().stream().map(rename).toList(), f.referencedSchema(), f.referencedTable(), f.referencedColumns(),
                f.onDelete(), f.nilifyColumns().stream().map(rename).toList(), f.onUpdate(), f.deferrable(), f.match())).toList();
        List<Index> renamedIndexes = indexes.stream().map(i -> new Index(i.name(),
                i.keys().stream().map(k -> k.column() == null ? k : k.renamed(rename.apply(k.column()))).toList(), i.unique(),
                i.where(), i.using(), i.include().stream().map(rename).toList(), i.nullsDistinct(), i.concurrently())).toList();
        List<Check> renamedChecks = checks.stream().map(c -> new Check(c.name(), c.sql(), c.columns().stream().map(rename).toList()))
                .toList();
        return new Table(schema, name, renamedColumns, renamedKey, renamedForeignKeys, renamedIndexes, renamedChecks, statements,
                createOptions);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
