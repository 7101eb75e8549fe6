package io.ashspring.migrate.liquibase;

import java.util.ArrayList;
import java.util.List;

import io.ashspring.migrate.model.Column;
import io.ashspring.migrate.model.ColumnGeneration;
import io.ashspring.migrate.model.ForeignKey;
import io.ashspring.migrate.model.Index;
import io.ashspring.migrate.model.IndexKey;
import io.ashspring.migrate.model.Table;
import io.ashspring.migrate.operation.AddCheck;
import io.ashspring.migrate.operation.AddColumn;
import io.ashspring.migrate.operation.AddForeignKey;
import io.ashspring.migrate.operation.AddIndex;
import io.ashspring.migrate.operation.AddPrimaryKey;
import io.ashspring.migrate.operation.AddStatement;
import io.ashspring.migrate.operation.AlterColumn;
import io.ashspring.migrate.operation.AlterDeferrability;
import io.ashspring.migrate.operation.CreateExtension;
import io.ashspring.migrate.operation.CreateSchema;
import io.ashspring.migrate.operation.CreateTable;
import io.ashspring.migrate.operation.DropCheck;
import io.ashspring.migrate.operation.DropColumn;
import io.ashspring.migrate.operation.DropExtension;
import io.ashspring.migrate.operation.DropForeignKey;
import io.ashspring.migrate.operation.DropIndex;
import io.ashspring.migrate.operation.DropPrimaryKey;
import io.ashspring.migrate.operation.DropSchema;
import io.ashspring.migrate.operation.DropTable;
import io.ashspring.migrate.operation.MoveTable;
import io.ashspring.migrate.operation.Operation;
import io.ashspring.migrate.operation.OperationVisitor;
import io.ashspring.migrate.operation.RemoveStatement;
import io.ashspring.migrate.operation.RenameColumn;
import io.ashspring.migrate.operation.RenameConstraint;
import io.ashspring.migrate.operation.RenameIndex;
import io.ashspring.migrate.operation.RenameTable;
import io.ashspring.resource.Deferrable;
import io.ashspring.resource.MatchType;
import io.ashspring.resource.OnDelete;

import liquibase.change.AddColumnConfig;
import liquibase.change.Change;
import liquibase.change.ColumnConfig;
import liquibase.change.ConstraintsConfig;
import liquibase.change.core.AddColumnChange;
import liquibase.change.core.AddForeignKeyConstraintChange;
import liquibase.change.core.AddPrimaryKeyChange;
import liquibase.change.core.CreateIndexChange;
import liquibase.change.core.CreateTableChange;
import liquibase.change.core.DropColumnChange;
import liquibase.change.core.DropForeignKeyConstraintChange;
import liquibase.change.core.DropIndexChange;
import liquibase.change.core.DropPrimaryKeyChange;
import liquibase.change.core.DropTableChange;
import liquibase.change.core.RawSQLChange;
import liquibase.change.core.RenameColumnChange;
import liquibase.change.core.RenameTableChange;
import liquibase.statement.DatabaseFunction;

/**
 * Turns an operation into Liquibase changes: Liquibase's own change classes where the open-source
 * edition has one that says exactly what is meant, an {@code sql} change ({@link Ddl}) otherwise —
 * extensions, schemas, partitioned tables, serial columns, schema moves, partial / expression /
 * {@code USING} / {@code INCLUDE} / concurrent indexes, renames of indexes and constraints, checks,
 * deferrability, {@code SET NULL (columns)}, {@code MATCH FULL} and custom statements. A rollback is
 * the rendering of {@link Operation#inverse()}.
 */
public final class ChangeRenderer implements OperationVisitor<List<Change>> {

    /** The shared instance (stateless). */
    public static final ChangeRenderer INSTANCE = new ChangeRenderer();

    private ChangeRenderer() {
    }

    /** The changes that apply an operation. */
    public static List<Change> changes(Operation operation) {
        return operation.accept(INSTANCE);
    }

    /** Whether an operation cannot run inside a transaction ({@code CONCURRENTLY}). */
    public static boolean nonTransactional(Operation operation) {
        return operation instanceof AddIndex add && add.index().concurrently()
                || operation instanceof DropIndex drop && drop.index().concurrently();
    }

    @Override
    public List<Change> visit(CreateExtension op) {
        return sql(Ddl.createExtension(op.name()));
    }

    @Override
    public List<Change> visit(DropExtension op) {
        return sql(Ddl.dropExtension(op.name()));
    }

    @Override
    public List<Change> visit(CreateSchema op) {
        return sql(Ddl.createSchema(op.name()));
    }

    @Override
    public List<Change> visit(DropSchema op) {
        return sql(Ddl.dropSchema(op.name()));
    }

    @Override
    public List<Change> visit(CreateTable op) {
        Table table = op.definition();
        if (table.createOptions() != null || table.columns().stream().anyMatch(c -> c.generation() == ColumnGeneration.SERIAL)) {
            return sql(Ddl.createTable(table)); // Liquibase has no create options and turns serial into identity
        }
        CreateTableChange change = new CreateTableChange();
        change.setSchemaName(table.schema());
        change.setTableName(table.name());
        for (Column column : table.columns()) {
            ColumnConfig config = new ColumnConfig();
            describeColumn(config, column);
            if (table.primaryKey() != null && table.primaryKey().columns().contains(column.name())) {
                if (config.getConstraints() == null) {
                    config.setConstraints(new ConstraintsConfig());
                }
                config.getConstraints().setPrimaryKey(true);
                config.getConstraints().setPrimaryKeyName(table.primaryKey().name());
            }
            change.addColumn(config);
        }
        return List.of(change);
    }

    @Override
    public List<Change> visit(DropTable op) {
        DropTableChange change = new DropTableChange();
        change.setSchemaName(op.table().schema());
        change.setTableName(op.table().name());
        return List.of(change);
    }

    @Override
    public List<Change> visit(RenameTable op) {
        RenameTableChange change = new RenameTableChange();
        change.setSchemaName(op.from().schema());
        change.setOldTableName(op.from().name());
        change.setNewTableName(op.to());
        return List.of(change);
    }

    @Override
    public List<Change> visit(MoveTable op) {
        return sql(Ddl.moveTable(op.from(), op.toSchema()));
    }

    @Override
    public List<Change> visit(AddColumn op) {
        if (op.column().generation() == ColumnGeneration.SERIAL) {
            return sql(Ddl.addColumn(op.table(), op.column()));
        }
        AddColumnChange change = new AddColumnChange();
        change.setSchemaName(op.table().schema());
        change.setTableName(op.table().name());
        AddColumnConfig config = new AddColumnConfig();
        describeColumn(config, op.column());
        change.addColumn(config);
        return List.of(change);
    }

    @Override
    public List<Change> visit(DropColumn op) {
        DropColumnChange change = new DropColumnChange();
        change.setSchemaName(op.table().schema());
        change.setTableName(op.table().name());
        change.setColumnName(op.column().name());
        return List.of(change);
    }

    @Override
    public List<Change> visit(RenameColumn op) {
        RenameColumnChange change = new RenameColumnChange();
        change.setSchemaName(op.table().schema());
        change.setTableName(op.table().name());
        change.setOldColumnName(op.from());
        change.setNewColumnName(op.to());
        return List.of(change);
    }

    @Override
    public List<Change> visit(AlterColumn op) {
        return ColumnAlteration.changes(op.table(), op.from(), op.to());
    }

    @Override
    public List<Change> visit(AddPrimaryKey op) {
        AddPrimaryKeyChange change = new AddPrimaryKeyChange();
        change.setSchemaName(op.table().schema());
        change.setTableName(op.table().name());
        change.setConstraintName(op.key().name());
        change.setColumnNames(String.join(", ", op.key().columns()));
        return List.of(change);
    }

    @Override
    public List<Change> visit(DropPrimaryKey op) {
        DropPrimaryKeyChange change = new DropPrimaryKeyChange();
        change.setSchemaName(op.table().schema());
        change.setTableName(op.table().name());
        change.setConstraintName(op.key().name());
        return List.of(change);
    }

    @Override
    public List<Change> visit(AddForeignKey op) {
        ForeignKey key = op.key();
        if (!key.nilifyColumns().isEmpty() && key.onDelete() == OnDelete.NILIFY || key.match() == MatchType.FULL) {
            return sql(Ddl.addForeignKey(op.table(), key)); // SET NULL (columns) and MATCH FULL: no Liquibase option
        }
        AddForeignKeyConstraintChange change = new AddForeignKeyConstraintChange();
        change.setConstraintName(key.name());
        change.setBaseTableSchemaName(op.table().schema());
        change.setBaseTableName(op.table().name());
        change.setBaseColumnNames(String.join(", ", key.columns()));
        change.setReferencedTableSchemaName(key.referencedSchema());
        change.setReferencedTableName(key.referencedTable());
        change.setReferencedColumnNames(String.join(", ", key.referencedColumns()));
        change.setOnDelete(Ddl.onDelete(key.onDelete()));
        change.setOnUpdate(Ddl.onUpdate(key.onUpdate()));
        change.setDeferrable(key.deferrable() != Deferrable.NO);
        change.setInitiallyDeferred(key.deferrable() == Deferrable.INITIALLY_DEFERRED);
        return List.of(change);
    }

    @Override
    public List<Change> visit(DropForeignKey op) {
        DropForeignKeyConstraintChange change = new DropForeignKeyConstraintChange();
        change.setBaseTableSchemaName(op.table().schema());
        change.setBaseTableName(op.table().name());
        change.setConstraintName(op.key().name());
        return List.of(change);
    }

    @Override
    public List<Change> visit(AlterDeferrability op) {
        return sql(Ddl.alterDeferrability(op.table(), op.constraint(), op.to()));
    }

    @Override
    public List<Change> visit(AddIndex op) {
        Index index = op.index();
        if (!isPlain(index)) {
            return sql(Ddl.createIndex(op.table(), index));
        }
        CreateIndexChange change = new CreateIndexChange();
        change.setSchemaName(op.table().schema());
        change.setTableName(op.table().name());
        change.setIndexName(index.name());
        change.setUnique(index.unique());
        for (IndexKey key : index.keys()) {
            AddColumnConfig column = new AddColumnConfig();
            column.setName(key.column());
            if (key.options() != null && key.options().equalsIgnoreCase("desc")) {
                column.setDescending(true);
            }
            change.addColumn(column);
        }
        return List.of(change);
    }

    @Override
    public List<Change> visit(DropIndex op) {
        if (op.index().concurrently()) {
            return sql(Ddl.dropIndex(op.table(), op.index()));
        }
        DropIndexChange change = new DropIndexChange();
        change.setSchemaName(op.table().schema());
        change.setTableName(op.table().name());
        change.setIndexName(op.index().name());
        return List.of(change);
    }

    @Override
    public List<Change> visit(RenameIndex op) {
        return sql(Ddl.renameIndex(op.table(), op.from(), op.to()));
    }

    @Override
    public List<Change> visit(RenameConstraint op) {
        return sql(Ddl.renameConstraint(op.table(), op.from(), op.to()));
    }

    @Override
    public List<Change> visit(AddCheck op) {
        return sql(Ddl.addCheck(op.table(), op.check().name(), op.check().sql()));
    }

    @Override
    public List<Change> visit(DropCheck op) {
        return sql(Ddl.dropConstraint(op.table(), op.check().name()));
    }

    @Override
    public List<Change> visit(AddStatement op) {
        return sql(op.statement().up());
    }

    @Override
    public List<Change> visit(RemoveStatement op) {
        return sql(op.statement().down());
    }

    /** What {@code CreateIndexChange} can say: btree over columns, ascending or descending, nothing else. */
    private static boolean isPlain(Index index) {
        return index.where() == null && index.using() == null && index.include().isEmpty() && index.nullsDistinct()
                && !index.concurrently() && index.keys().stream().allMatch(k -> k.column() != null
                        && (k.options() == null || k.options().equalsIgnoreCase("asc") || k.options().equalsIgnoreCase("desc")));
    }

    private static void describeColumn(ColumnConfig config, Column column) {
        config.setName(column.name());
        config.setType(column.type());
        if (column.generation() == ColumnGeneration.IDENTITY) {
            config.setAutoIncrement(true);
            config.setGenerationType("BY DEFAULT");
        }
        if (column.defaultSql() != null && column.generation() == ColumnGeneration.NONE) {
            config.setDefaultValueComputed(new DatabaseFunction(column.defaultSql()));
        }
        if (!column.nullable()) { // nullable is the default: say only what differs
            ConstraintsConfig constraints = new ConstraintsConfig();
            constraints.setNullable(false);
            config.setConstraints(constraints);
        }
    }

    static List<Change> sql(String... statements) {
        return sql(List.of(statements));
    }

    static List<Change> sql(List<String> statements) {
        List<Change> changes = new ArrayList<>();
        for (String statement : statements) {
            RawSQLChange change = new RawSQLChange(statement);
            change.setSplitStatements(false);
            changes.add(change);
        }
        return changes;
    }
}
