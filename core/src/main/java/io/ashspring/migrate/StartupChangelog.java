package io.ashspring.migrate;

import java.util.List;
import java.util.stream.Collectors;

import io.ashspring.migrate.model.Check;
import io.ashspring.migrate.model.Column;
import io.ashspring.migrate.model.ColumnGeneration;
import io.ashspring.migrate.model.ForeignKey;
import io.ashspring.migrate.model.Index;
import io.ashspring.migrate.model.IndexKey;
import io.ashspring.migrate.model.Statement;
import io.ashspring.migrate.model.Table;
import io.ashspring.resource.Deferrable;
import io.ashspring.resource.OnDelete;
import io.ashspring.resource.OnUpdate;

import liquibase.change.AddColumnConfig;
import liquibase.change.ColumnConfig;
import liquibase.change.ConstraintsConfig;
import liquibase.change.core.AddForeignKeyConstraintChange;
import liquibase.change.core.CreateIndexChange;
import liquibase.change.core.CreateTableChange;
import liquibase.change.core.RawSQLChange;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.ObjectQuotingStrategy;
import liquibase.precondition.core.ForeignKeyExistsPrecondition;
import liquibase.precondition.core.IndexExistsPrecondition;
import liquibase.precondition.core.NotPrecondition;
import liquibase.precondition.core.PreconditionContainer;
import liquibase.precondition.core.SqlPrecondition;
import liquibase.precondition.core.TableExistsPrecondition;

/**
 * Builds an in-memory Liquibase changelog that creates the schema of a {@link TableModel} from
 * Liquibase's own change classes. Every changeset that creates a table, key, index or check carries
 * a precondition that marks it as ran when its object exists already, so the changelog can be
 * applied at every startup; extensions and schemas use {@code IF NOT EXISTS}; custom statements run
 * once, as recorded in {@code databasechangelog}. What Liquibase's
 * open-source edition has no change for (checks, partial or expression indexes, extensions,
 * custom statements) is an {@code sql} change with its rollback.
 *
 * <p>The {@code generate} startup mode diffs against the state it recorded in the database
 * ({@code MigrationGenerator.inMemory}); it uses this changelog once, to adopt a database whose
 * tables were created (by this changelog) before it recorded any state.
 */
public final class StartupChangelog {

    /** The changelog path recorded in {@code databasechangelog} for these changesets. */
    public static final String PATH = "ash/startup";

    private static final String AUTHOR = "ash";

    private StartupChangelog() {
    }

    /** The changelog creating everything in the table model that does not exist yet. */
    public static DatabaseChangeLog of(TableModel model) {
        DatabaseChangeLog changelog = new DatabaseChangeLog(PATH);
        for (String extension : model.extensions()) {
            ChangeSet set = changeSet(changelog, "extension-" + extension, true);
            set.addChange(sql("CREATE EXTENSION IF NOT EXISTS " + quote(extension)));
            set.addRollbackChange(sql("DROP EXTENSION IF EXISTS " + quote(extension)));
        }
        model.tables().stream().map(Table::schema).filter(s -> !s.equals("public")).distinct().forEach(schema -> {
            ChangeSet set = changeSet(changelog, "schema-" + schema, true);
            set.addChange(sql("CREATE SCHEMA IF NOT EXISTS " + quote(schema)));
            set.addRollbackChange(sql("DROP SCHEMA IF EXISTS " + quote(schema)));
        });
        for (Table table : model.tables()) {
            createTable(changelog, table);
        }
        // foreign keys after every table exists
        for (Table table : model.tables()) {
            for (ForeignKey foreignKey : table.foreignKeys()) {
                foreignKey(changelog, table, foreignKey);
            }
        }
        for (Table table : model.tables()) {
            for (Index index : table.indexes()) {
                index(changelog, table, index);
            }
            for (Check check : table.checks()) {
                ChangeSet set = changeSet(changelog, "check-" + table.schema() + "." + table.name() + "." + check.name(), true);
                set.setPreconditions(onlyIf(new SqlPrecondition() {{
                    setExpectedResult("0");
                    setSql("SELECT count(*) FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n "
                            + "ON n.oid = t.relnamespace WHERE c.conname = " + DefaultValues.literal(check.name())
                            + " AND t.relname = " + DefaultValues.literal(table.name())
                            + " AND n.nspname = " + DefaultValues.literal(table.schema()));
                }}));
                set.addChange(sql("ALTER TABLE " + qualified(table) + " ADD CONSTRAINT " + quote(check.name())
                        + " CHECK (" + check.sql() + ")"));
                set.addRollbackChange(sql("ALTER TABLE " + qualified(table) + " DROP CONSTRAINT " + quote(check.name())));
            }
            for (Statement statement : table.statements()) {
                ChangeSet set = changeSet(changelog, "statement-" + table.schema() + "." + table.name() + "." + statement.name(), true);
                set.addChange(sql(statement.up()));
                set.addRollbackChange(sql(statement.down()));
            }
        }
        return changelog;
    }

    private static void createTable(DatabaseChangeLog changelog, Table table) {
        ChangeSet set = changeSet(changelog, "table-" + table.schema() + "." + table.name(), false);
        TableExistsPrecondition exists = new TableExistsPrecondition();
        exists.setSchemaName(table.schema());
        exists.setTableName(table.name());
        set.setPreconditions(onlyIf(not(exists)));
        CreateTableChange create = new CreateTableChange();
        create.setSchemaName(table.schema());
        create.setTableName(table.name());
        for (Column column : table.columns()) {
            ColumnConfig config = new ColumnConfig();
            config.setName(column.name());
            config.setType(column.generation() == ColumnGeneration.SERIAL ? serialType(column.type()) : column.type());
            if (column.generation() == ColumnGeneration.IDENTITY) {
                config.setAutoIncrement(true);
                config.setGenerationType("BY DEFAULT");
            }
            if (column.defaultSql() != null) {
                config.setDefaultValueComputed(new liquibase.statement.DatabaseFunction(column.defaultSql()));
            }
            ConstraintsConfig constraints = new ConstraintsConfig();
            constraints.setNullable(column.nullable());
            if (table.primaryKey() != null && table.primaryKey().columns().contains(column.name())) {
                constraints.setPrimaryKey(true);
                constraints.setPrimaryKeyName(table.primaryKey().name());
            }
            config.setConstraints(constraints);
            create.addColumn(config);
        }
        set.addChange(create);
    }

    private static void foreignKey(DatabaseChangeLog changelog, Table table, ForeignKey fk) {
        ChangeSet set = changeSet(changelog, "fk-" + table.schema() + "." + table.name() + "." + fk.name(), false);
        ForeignKeyExistsPrecondition exists = new ForeignKeyExistsPrecondition();
        exists.setSchemaName(table.schema());
        exists.setForeignKeyTableName(table.name());
        exists.setForeignKeyName(fk.name());
        set.setPreconditions(onlyIf(not(exists)));
        if (fk.onDelete() == OnDelete.NILIFY && !fk.nilifyColumns().isEmpty()) {
            // ON DELETE SET NULL (columns) has no Liquibase change: PostgreSQL 15+
            set.addChange(sql("ALTER TABLE " + qualified(table) + " ADD CONSTRAINT " + quote(fk.name()) + " FOREIGN KEY ("
                    + columns(fk.columns()) + ") REFERENCES " + quote(fk.referencedSchema()) + "." + quote(fk.referencedTable())
                    + " (" + columns(fk.referencedColumns()) + ") ON DELETE SET NULL (" + columns(fk.nilifyColumns()) + ")"
                    + onUpdateSql(fk.onUpdate()) + deferrableSql(fk.deferrable())));
            set.addRollbackChange(sql("ALTER TABLE " + qualified(table) + " DROP CONSTRAINT " + quote(fk.name())));
            return;
        }
        AddForeignKeyConstraintChange change = new AddForeignKeyConstraintChange();
        change.setConstraintName(fk.name());
        change.setBaseTableSchemaName(table.schema());
        change.setBaseTableName(table.name());
        change.setBaseColumnNames(String.join(",", fk.columns()));
        change.setReferencedTableSchemaName(fk.referencedSchema());
        change.setReferencedTableName(fk.referencedTable());
        change.setReferencedColumnNames(String.join(",", fk.referencedColumns()));
        change.setOnDelete(switch (fk.onDelete()) {
            case NOTHING -> "NO ACTION";
            case RESTRICT -> "RESTRICT";
            case DELETE -> "CASCADE";
            case NILIFY -> "SET NULL";
        });
        change.setOnUpdate(switch (fk.onUpdate()) {
            case NOTHING -> "NO ACTION";
            case RESTRICT -> "RESTRICT";
            case UPDATE -> "CASCADE";
            case NILIFY -> "SET NULL";
        });
        change.setDeferrable(fk.deferrable() != Deferrable.NO);
        change.setInitiallyDeferred(fk.deferrable() == Deferrable.INITIALLY_DEFERRED);
        set.addChange(change);
    }

    private static void index(DatabaseChangeLog changelog, Table table, Index index) {
        ChangeSet set = changeSet(changelog, "index-" + table.schema() + "." + index.name(), !index.concurrently());
        IndexExistsPrecondition exists = new IndexExistsPrecondition();
        exists.setSchemaName(table.schema());
        exists.setIndexName(index.name());
        set.setPreconditions(onlyIf(not(exists)));
        boolean plain = index.where() == null && index.using() == null && index.include().isEmpty() && index.nullsDistinct()
                && !index.concurrently() && index.keys().stream().allMatch(k -> k.column() != null && k.options() == null);
        if (plain) {
            CreateIndexChange change = new CreateIndexChange();
            change.setSchemaName(table.schema());
            change.setTableName(table.name());
            change.setIndexName(index.name());
            change.setUnique(index.unique());
            for (IndexKey key : index.keys()) {
                AddColumnConfig column = new AddColumnConfig();
                column.setName(key.column());
                change.addColumn(column);
            }
            set.addChange(change);
            return;
        }
        StringBuilder create = new StringBuilder("CREATE ").append(index.unique() ? "UNIQUE " : "").append("INDEX ")
                .append(index.concurrently() ? "CONCURRENTLY " : "").append(quote(index.name())).append(" ON ")
                .append(qualified(table));
        if (index.using() != null) {
            create.append(" USING ").append(index.using());
        }
        create.append(" (").append(index.keys().stream().map(StartupChangelog::indexKey).collect(Collectors.joining(", "))).append(")");
        if (!index.include().isEmpty()) {
            create.append(" INCLUDE (").append(columns(index.include())).append(")");
        }
        if (!index.nullsDistinct()) {
            create.append(" NULLS NOT DISTINCT");
        }
        if (index.where() != null) {
            create.append(" WHERE ").append(index.where());
        }
        set.addChange(sql(create.toString()));
        set.addRollbackChange(sql("DROP INDEX " + (index.concurrently() ? "CONCURRENTLY " : "")
                + quote(table.schema()) + "." + quote(index.name())));
    }

    private static ChangeSet changeSet(DatabaseChangeLog changelog, String id, boolean runInTransaction) {
        ChangeSet set = new ChangeSet(id, AUTHOR, false, false, PATH, null, null, runInTransaction,
                ObjectQuotingStrategy.QUOTE_ALL_OBJECTS, changelog);
        changelog.addChangeSet(set);
        return set;
    }

    private static PreconditionContainer onlyIf(liquibase.precondition.Precondition precondition) {
        PreconditionContainer container = new PreconditionContainer();
        container.setOnFail(PreconditionContainer.FailOption.MARK_RAN);
        container.addNestedPrecondition(precondition);
        return container;
    }

    private static NotPrecondition not(liquibase.precondition.Precondition precondition) {
        NotPrecondition not = new NotPrecondition();
        not.addNestedPrecondition(precondition);
        return not;
    }

    private static RawSQLChange sql(String text) {
        RawSQLChange change = new RawSQLChange(text);
        change.setSplitStatements(false);
        return change;
    }

    private static String onUpdateSql(OnUpdate onUpdate) {
        return switch (onUpdate) {
            case NOTHING -> "";
            case RESTRICT -> " ON UPDATE RESTRICT";
            case UPDATE -> " ON UPDATE CASCADE";
            case NILIFY -> " ON UPDATE SET NULL";
        };
    }

    private static String deferrableSql(Deferrable deferrable) {
        return switch (deferrable) {
            case NO -> "";
            case YES -> " DEFERRABLE INITIALLY IMMEDIATE";
            case INITIALLY_DEFERRED -> " DEFERRABLE INITIALLY DEFERRED";
        };
    }

    private static String indexKey(IndexKey key) {
        String base = key.column() != null ? quote(key.column()) : key.expression();
        return key.options() == null ? base : base + " " + key.options();
    }

    /** Serial columns are not in the foundation's resources; kept honest should a model have one. */
    private static String serialType(String type) {
        return switch (type) {
            case "integer" -> "serial";
            case "smallint" -> "smallserial";
            default -> "bigserial";
        };
    }

    private static String qualified(Table table) {
        return quote(table.schema()) + "." + quote(table.name());
    }

    private static String columns(List<String> names) {
        return names.stream().map(StartupChangelog::quote).collect(Collectors.joining(", "));
    }

    private static String quote(String identifier) {
        return io.ashspring.sql.SqlIdentifiers.quote(identifier);
    }

}
