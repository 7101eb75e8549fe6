package io.ashspring.migrate.operation;

/**
 * One method per operation type. Every catalogue over operations (ordering facts, rendering, applying
 * to a model) implements it, so a new operation type does not compile until each of them handles it.
 *
 * @param <R> what a visit returns
 */
public interface OperationVisitor<R> {

    /** Visits a {@link CreateExtension}. */
    R visit(CreateExtension operation);

    /** Visits a {@link DropExtension}. */
    R visit(DropExtension operation);

    /** Visits a {@link CreateSchema}. */
    R visit(CreateSchema operation);

    /** Visits a {@link DropSchema}. */
    R visit(DropSchema operation);

    /** Visits a {@link CreateTable}. */
    R visit(CreateTable operation);

    /** Visits a {@link DropTable}. */
    R visit(DropTable operation);

    /** Visits a {@link RenameTable}. */
    R visit(RenameTable operation);

    /** Visits a {@link MoveTable}. */
    R visit(MoveTable operation);

    /** Visits a {@link AddColumn}. */
    R visit(AddColumn operation);

    /** Visits a {@link DropColumn}. */
    R visit(DropColumn operation);

    /** Visits a {@link RenameColumn}. */
    R visit(RenameColumn operation);

    /** Visits a {@link AlterColumn}. */
    R visit(AlterColumn operation);

    /** Visits a {@link AddPrimaryKey}. */
    R visit(AddPrimaryKey operation);

    /** Visits a {@link DropPrimaryKey}. */
    R visit(DropPrimaryKey operation);

    /** Visits a {@link AddForeignKey}. */
    R visit(AddForeignKey operation);

    /** Visits a {@link DropForeignKey}. */
    R visit(DropForeignKey operation);

    /** Visits a {@link AlterDeferrability}. */
    R visit(AlterDeferrability operation);

    /** Visits a {@link AddIndex}. */
    R visit(AddIndex operation);

    /** Visits a {@link DropIndex}. */
    R visit(DropIndex operation);

    /** Visits a {@link RenameIndex}. */
    R visit(RenameIndex operation);

    /** Visits a {@link RenameConstraint}. */
    R visit(RenameConstraint operation);

    /** Visits a {@link AddCheck}. */
    R visit(AddCheck operation);

    /** Visits a {@link DropCheck}. */
    R visit(DropCheck operation);

    /** Visits a {@link AddStatement}. */
    R visit(AddStatement operation);

    /** Visits a {@link RemoveStatement}. */
    R visit(RemoveStatement operation);
}
