package io.ashspring.migrate.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import io.ashspring.migrate.TableModel;
import io.ashspring.migrate.model.ForeignKey;
import io.ashspring.migrate.model.PrimaryKey;
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

/**
 * Applies operations to a table model, as PostgreSQL applies them to a database: the recorded state
 * after a run is the state before it with exactly the emitted operations applied, so it never claims a
 * change that was not emitted. Renames follow through like in PostgreSQL (keys, indexes and foreign
 * keys pointing at a renamed table or column follow it).
 */
public final class OperationApplier implements OperationVisitor<Void> {

    private final Map<QualifiedName, Table> tables = new LinkedHashMap<>();
    private final Set<String> extensions = new LinkedHashSet<>();

    private OperationApplier(TableModel start) {
        start.tables().forEach(t -> tables.put(t.qualifiedName(), t));
        extensions.addAll(start.extensions());
    }

    /** The model after the operations, in order. */
    public static TableModel apply(TableModel start, List<Operation> operations) {
        OperationApplier applier = new OperationApplier(start);
        operations.forEach(op -> op.accept(applier));
        return new TableModel(new ArrayList<>(applier.tables.values()), applier.extensions, start.unmanaged());
    }

    @Override
    public Void visit(CreateExtension op) {
        extensions.add(op.name());
        return null;
    }

    @Override
    public Void visit(DropExtension op) {
        extensions.remove(op.name());
        return null;
    }

    @Override
    public Void visit(CreateSchema op) {
        return null; // schemas are where tables are
    }

    @Override
    public Void visit(DropSchema op) {
        return null;
    }

    @Override
    public Void visit(CreateTable op) {
        tables.put(op.table(), op.definition());
        return null;
    }

    @Override
    public Void visit(DropTable op) {
        require(op.table(), op);
        tables.remove(op.table());
        return null;
    }

    @Override
    public Void visit(RenameTable op) {
        return relocate(op.from(), op.table(), op);
    }

    @Override
    public Void visit(MoveTable op) {
        return relocate(op.from(), op.table(), op);
    }

    @Override
    public Void visit(AddColumn op) {
        return edit(op, t -> t.withColumns(plus(t.columns(), op.column())));
    }

    @Override
    public Void visit(DropColumn op) {
        return edit(op, t -> t.withColumns(minus(t.columns(), c -> c.name().equals(op.column().name()))));
    }

    @Override
    public Void visit(RenameColumn op) {
        edit(op, t -> t.mapColumns(c -> c.equals(op.from()) ? op.to() : c));
        // foreign keys pointing at the column follow it
        tables.replaceAll((name, t) -> t.withForeignKeys(t.foreignKeys().stream().map(f -> !f.referenced().equals(op.table()) ? f
                : new ForeignKey(f.name(), f.columns(), f.referencedSchema(), f.referencedTable(),
                        f.referencedColumns().stream().map(c -> c.equals(op.from()) ? op.to() : c).toList(), f.onDelete(),
                        f.nilifyColumns(), f.onUpdate(), f.deferrable(), f.match())).toList()));
        return null;
    }

    @Override
    public Void visit(AlterColumn op) {
        return edit(op, t -> t.withColumns(t.columns().stream().map(c -> c.name().equals(op.from().name()) ? op.to() : c).toList()));
    }

    @Override
    public Void visit(AddPrimaryKey op) {
        return edit(op, t -> t.withPrimaryKey(op.key()));
    }

    @Override
    public Void visit(DropPrimaryKey op) {
        return edit(op, t -> t.withPrimaryKey(null));
    }

    @Override
    public Void visit(AddForeignKey op) {
        return edit(op, t -> t.withForeignKeys(plus(t.foreignKeys(), op.key())));
    }

    @Override
    public Void visit(DropForeignKey op) {
        return edit(op, t -> t.withForeignKeys(minus(t.foreignKeys(), f -> f.name().equals(op.key().name()))));
    }

    @Override
    public Void visit(AlterDeferrability op) {
        return edit(op, t -> t.withForeignKeys(t.foreignKeys().stream()
                .map(f -> f.name().equals(op.constraint()) ? f.withDeferrable(op.to()) : f).toList()));
    }

    @Override
    public Void visit(AddIndex op) {
        return edit(op, t -> t.withIndexes(plus(t.indexes(), op.index())));
    }

    @Override
    public Void visit(DropIndex op) {
        return edit(op, t -> t.withIndexes(minus(t.indexes(), i -> i.name().equals(op.index().name()))));
    }

    @Override
    public Void visit(RenameIndex op) {
        return edit(op, t -> t.withIndexes(t.indexes().stream().map(i -> i.name().equals(op.from()) ? i.renamed(op.to()) : i).toList()));
    }

    @Override
    public Void visit(RenameConstraint op) {
        return edit(op, t -> {
            Table renamed = t.withForeignKeys(t.foreignKeys().stream()
                    .map(f -> f.name().equals(op.from()) ? f.renamed(op.to()) : f).toList());
            PrimaryKey key = t.primaryKey();
            return key != null && key.name().equals(op.from()) ? renamed.withPrimaryKey(new PrimaryKey(op.to(), key.columns())) : renamed;
        });
    }

    @Override
    public Void visit(AddCheck op) {
        return edit(op, t -> t.withChecks(plus(t.checks(), op.check())));
    }

    @Override
    public Void visit(DropCheck op) {
        return edit(op, t -> t.withChecks(minus(t.checks(), c -> c.name().equals(op.check().name()))));
    }

    @Override
    public Void visit(AddStatement op) {
        return edit(op, t -> t.withStatements(plus(t.statements(), op.statement())));
    }

    @Override
    public Void visit(RemoveStatement op) {
        return edit(op, t -> t.withStatements(minus(t.statements(), s -> s.name().equals(op.statement().name()))));
    }

    /** A table under a new name; foreign keys pointing at it follow it. */
    private Void relocate(QualifiedName from, QualifiedName to, Operation op) {
        Table table = require(from, op);
        tables.remove(from);
        tables.put(to, table.at(to));
        tables.replaceAll((name, t) -> t.withForeignKeys(t.foreignKeys().stream().map(f -> !f.referenced().equals(from) ? f
                : new ForeignKey(f.name(), f.columns(), to.schema(), to.name(), f.referencedColumns(), f.onDelete(),
                        f.nilifyColumns(), f.onUpdate(), f.deferrable(), f.match())).toList()));
        return null;
    }

    private Void edit(Operation op, UnaryOperator<Table> change) {
        tables.put(op.table(), change.apply(require(op.table(), op)));
        return null;
    }

    private Table require(QualifiedName name, Operation op) {
        Table table = tables.get(name);
        if (table == null) {
            throw new IllegalStateException("'" + op.describe() + "' changes the table " + name + ", which the state does "
                    + "not have at that point (operations out of order?)");
        }
        return table;
    }

    private static <T> List<T> plus(List<T> list, T element) {
        List<T> copy = new ArrayList<>(list);
        copy.add(element);
        return copy;
    }

    private static <T> List<T> minus(List<T> list, Predicate<T> match) {
        return list.stream().filter(match.negate()).toList();
    }
}
