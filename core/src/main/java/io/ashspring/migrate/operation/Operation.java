package io.ashspring.migrate.operation;

import io.ashspring.migrate.model.QualifiedName;

/**
 * One step of a migration, with its exact inverse: rolling a migration back runs the inverses in
 * reverse order. Operations are data; what they require and provide for ordering lives in
 * {@code io.ashspring.migrate.order.OrderingFacts}, how they become Liquibase changes in
 * {@code io.ashspring.migrate.liquibase.ChangeRenderer}, and what they do to a table model in
 * {@code io.ashspring.migrate.state.OperationApplier} — each a visitor, so none can forget a type.
 */
public sealed interface Operation permits CreateExtension, DropExtension, CreateSchema, DropSchema,
        CreateTable, DropTable, RenameTable, MoveTable,
        AddColumn, DropColumn, RenameColumn, AlterColumn,
        AddPrimaryKey, DropPrimaryKey, AddForeignKey, DropForeignKey,
        AlterDeferrability, AddIndex, DropIndex, RenameIndex,
        RenameConstraint, AddCheck, DropCheck, AddStatement,
        RemoveStatement {

    /** The table it changes (its name after the operation), or {@code null} for extensions and schemas. */
    QualifiedName table();

    /** The operation that undoes this one exactly. */
    Operation inverse();

    /** A one-line description for reviews and changeset comments. */
    String describe();

    /** Calls the visitor's method for this type. */
    <R> R accept(OperationVisitor<R> visitor);
}
