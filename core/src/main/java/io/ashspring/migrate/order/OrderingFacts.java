package io.ashspring.migrate.order;

import java.util.List;

import io.ashspring.migrate.model.Column;
import io.ashspring.migrate.model.ForeignKey;
import io.ashspring.migrate.model.Index;
import io.ashspring.migrate.model.IndexKey;
import io.ashspring.migrate.model.QualifiedName;
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
import io.ashspring.migrate.order.Fact.ColumnGone;
import io.ashspring.migrate.order.Fact.ColumnReady;
import io.ashspring.migrate.order.Fact.ColumnsSettled;
import io.ashspring.migrate.order.Fact.DependentsReleased;
import io.ashspring.migrate.order.Fact.ExtensionUsersReleased;
import io.ashspring.migrate.order.Fact.ExtensionsReady;
import io.ashspring.migrate.order.Fact.NameFree;
import io.ashspring.migrate.order.Fact.ReferencesReleased;
import io.ashspring.migrate.order.Fact.SchemaReady;
import io.ashspring.migrate.order.Fact.SchemaVacated;
import io.ashspring.migrate.order.Fact.StatementsReleased;
import io.ashspring.migrate.order.Fact.StructureSettled;
import io.ashspring.migrate.order.Fact.TableReady;
import io.ashspring.migrate.order.Fact.UniqueKeyReady;

/**
 * The one catalogue of ordering facts: for each operation type, what must hold before it runs and
 * what holds after. Read top to bottom, it is the whole ordering policy:
 * <ul>
 * <li>extensions and schemas come before what uses them;</li>
 * <li>custom statements are undone before any structural change and run after all of them;</li>
 * <li>constraints, indexes and checks are dropped before the columns and tables they use change;</li>
 * <li>foreign keys pointing at a table are dropped before its key, unique index or itself;</li>
 * <li>a foreign key is added after the primary key or unique index on exactly its referenced columns;</li>
 * <li>a name (table, index, constraint, column) is freed before it is reused.</li>
 * </ul>
 * A visitor: an operation type without facts does not compile.
 */
public final class OrderingFacts implements OperationVisitor<Facts> {

    /** The shared instance (stateless). */
    public static final OrderingFacts INSTANCE = new OrderingFacts();

    private static final Fact EXTENSIONS_READY = new ExtensionsReady();
    private static final Fact EXTENSION_USERS_RELEASED = new ExtensionUsersReleased();
    private static final Fact STRUCTURE_SETTLED = new StructureSettled();
    private static final Fact STATEMENTS_RELEASED = new StatementsReleased();

    private OrderingFacts() {
    }

    /** The facts of an operation. */
    public static Facts of(Operation operation) {
        return operation.accept(INSTANCE);
    }

    @Override
    public Facts visit(CreateExtension op) {
        return Facts.builder().provides(EXTENSIONS_READY).build();
    }

    @Override
    public Facts visit(DropExtension op) {
        return Facts.builder().requires(EXTENSION_USERS_RELEASED, STATEMENTS_RELEASED).build();
    }

    @Override
    public Facts visit(CreateSchema op) {
        return Facts.builder().provides(new SchemaReady(op.name())).build();
    }

    @Override
    public Facts visit(DropSchema op) {
        return Facts.builder().requires(new SchemaVacated(op.name()), STATEMENTS_RELEASED).build();
    }

    @Override
    public Facts visit(CreateTable op) {
        Table table = op.definition();
        QualifiedName name = table.qualifiedName();
        Facts.Builder facts = Facts.builder()
                .requires(new SchemaReady(table.schema()), EXTENSIONS_READY, STATEMENTS_RELEASED, free(name))
                .provides(new TableReady(name), new ColumnsSettled(name), STRUCTURE_SETTLED);
        for (Column column : table.columns()) {
            facts.provides(new ColumnReady(name, column.name()));
        }
        if (table.primaryKey() != null) {
            facts.requires(new NameFree(table.schema(), table.primaryKey().name()))
                    .provides(new UniqueKeyReady(name, table.primaryKey().columns()));
        }
        return facts.build();
    }

    @Override
    public Facts visit(DropTable op) {
        Table table = op.definition();
        QualifiedName name = table.qualifiedName();
        Facts.Builder facts = Facts.builder()
                .requires(new DependentsReleased(name), new ReferencesReleased(name), STATEMENTS_RELEASED)
                .provides(free(name), new SchemaVacated(table.schema()), EXTENSION_USERS_RELEASED);
        if (table.primaryKey() != null) {
            facts.provides(new NameFree(table.schema(), table.primaryKey().name()));
        }
        return facts.build();
    }

    @Override
    public Facts visit(RenameTable op) {
        return Facts.builder().requires(free(op.table()), STATEMENTS_RELEASED)
                .provides(new TableReady(op.table()), free(op.from()), STRUCTURE_SETTLED).build();
    }

    @Override
    public Facts visit(MoveTable op) {
        return Facts.builder().requires(new SchemaReady(op.toSchema()), free(op.table()), STATEMENTS_RELEASED)
                .provides(new TableReady(op.table()), free(op.from()), new SchemaVacated(op.from().schema()), STRUCTURE_SETTLED)
                .build();
    }

    @Override
    public Facts visit(AddColumn op) {
        return Facts.builder()
                .requires(new TableReady(op.table()), new ColumnGone(op.table(), op.column().name()), EXTENSIONS_READY,
                        STATEMENTS_RELEASED)
                .provides(new ColumnReady(op.table(), op.column().name()), new ColumnsSettled(op.table()), STRUCTURE_SETTLED)
                .build();
    }

    @Override
    public Facts visit(DropColumn op) {
        return Facts.builder()
                .requires(new TableReady(op.table()), new DependentsReleased(op.table()), new ReferencesReleased(op.table()),
                        STATEMENTS_RELEASED)
                .provides(new ColumnGone(op.table(), op.column().name()), new ColumnsSettled(op.table()), STRUCTURE_SETTLED,
                        EXTENSION_USERS_RELEASED)
                .build();
    }

    @Override
    public Facts visit(RenameColumn op) {
        return Facts.builder()
                .requires(new TableReady(op.table()), new ColumnGone(op.table(), op.to()), STATEMENTS_RELEASED)
                .provides(new ColumnReady(op.table(), op.to()), new ColumnGone(op.table(), op.from()),
                        new ColumnsSettled(op.table()), STRUCTURE_SETTLED)
                .build();
    }

    @Override
    public Facts visit(AlterColumn op) {
        return Facts.builder()
                .requires(new TableReady(op.table()), new ColumnReady(op.table(), op.from().name()),
                        new DependentsReleased(op.table()), new ReferencesReleased(op.table()), EXTENSIONS_READY,
                        STATEMENTS_RELEASED)
                .provides(new ColumnReady(op.table(), op.to().name()), new ColumnsSettled(op.table()), STRUCTURE_SETTLED,
                        EXTENSION_USERS_RELEASED)
                .build();
    }

    @Override
    public Facts visit(AddPrimaryKey op) {
        return Facts.builder().requires(new TableReady(op.table()), new NameFree(op.table().schema(), op.key().name()))
                .requiresAll(columnsReady(op.table(), op.key().columns()))
                .provides(new UniqueKeyReady(op.table(), op.key().columns())).build();
    }

    @Override
    public Facts visit(DropPrimaryKey op) {
        return Facts.builder().requires(new TableReady(op.table()), new ReferencesReleased(op.table()))
                .provides(new NameFree(op.table().schema(), op.key().name()), new DependentsReleased(op.table())).build();
    }

    @Override
    public Facts visit(AddForeignKey op) {
        ForeignKey key = op.key();
        return Facts.builder()
                .requires(new TableReady(op.table()), new TableReady(key.referenced()),
                        new UniqueKeyReady(key.referenced(), key.referencedColumns()),
                        new NameFree(op.table().schema(), key.name()))
                .requiresAll(columnsReady(op.table(), key.columns()))
                .requiresAll(columnsReady(key.referenced(), key.referencedColumns()))
                .build();
    }

    @Override
    public Facts visit(DropForeignKey op) {
        return Facts.builder().requires(new TableReady(op.table()))
                .provides(new DependentsReleased(op.table()), new ReferencesReleased(op.key().referenced()),
                        new NameFree(op.table().schema(), op.key().name())).build();
    }

    @Override
    public Facts visit(AlterDeferrability op) {
        return Facts.builder().requires(new TableReady(op.table())).build();
    }

    @Override
    public Facts visit(AddIndex op) {
        Index index = op.index();
        Facts.Builder facts = Facts.builder()
                .requires(new TableReady(op.table()), new NameFree(op.table().schema(), index.name()), EXTENSIONS_READY)
                .requiresAll(columnsReady(op.table(), index.columns()))
                .requiresAll(columnsReady(op.table(), index.include()));
        if (index.where() != null || index.keys().stream().anyMatch(k -> k.column() == null)) {
            facts.requires(new ColumnsSettled(op.table()));
        }
        if (index.backsForeignKeys()) {
            facts.provides(new UniqueKeyReady(op.table(), index.keys().stream().map(IndexKey::column).toList()));
        }
        return facts.build();
    }

    @Override
    public Facts visit(DropIndex op) {
        Facts.Builder facts = Facts.builder().requires(new TableReady(op.table()))
                .provides(new DependentsReleased(op.table()), new NameFree(op.table().schema(), op.index().name()),
                        EXTENSION_USERS_RELEASED);
        if (op.index().unique()) {
            facts.requires(new ReferencesReleased(op.table()));
        }
        return facts.build();
    }

    @Override
    public Facts visit(RenameIndex op) {
        return renamed(op.table(), op.from(), op.to());
    }

    @Override
    public Facts visit(RenameConstraint op) {
        return renamed(op.table(), op.from(), op.to());
    }

    @Override
    public Facts visit(AddCheck op) {
        return Facts.builder().requires(new TableReady(op.table()), new ColumnsSettled(op.table()),
                new NameFree(op.table().schema(), op.check().name())).build();
    }

    @Override
    public Facts visit(DropCheck op) {
        return Facts.builder().requires(new TableReady(op.table()))
                .provides(new DependentsReleased(op.table()), new NameFree(op.table().schema(), op.check().name())).build();
    }

    @Override
    public Facts visit(AddStatement op) {
        return Facts.builder().requires(new TableReady(op.table()), STRUCTURE_SETTLED, STATEMENTS_RELEASED, EXTENSIONS_READY)
                .build();
    }

    /** Runs first, under the table's name before this migration (its SQL is the statement's own). */
    @Override
    public Facts visit(RemoveStatement op) {
        return Facts.builder().provides(STATEMENTS_RELEASED, new DependentsReleased(op.table())).build();
    }

    private static Facts renamed(QualifiedName table, String from, String to) {
        return Facts.builder().requires(new TableReady(table), new NameFree(table.schema(), to))
                .provides(new NameFree(table.schema(), from)).build();
    }

    private static Fact free(QualifiedName table) {
        return new NameFree(table.schema(), table.name());
    }

    private static List<Fact> columnsReady(QualifiedName table, List<String> columns) {
        return columns.stream().<Fact>map(c -> new ColumnReady(table, c)).toList();
    }
}
