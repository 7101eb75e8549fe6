package io.ashspring.migrate.liquibase;

import io.ashspring.migrate.operation.AddCheck;
import io.ashspring.migrate.operation.AddForeignKey;
import io.ashspring.migrate.operation.AddIndex;
import io.ashspring.migrate.operation.CreateTable;
import io.ashspring.migrate.operation.Operation;

import liquibase.precondition.Precondition;
import liquibase.precondition.core.ForeignKeyExistsPrecondition;
import liquibase.precondition.core.IndexExistsPrecondition;
import liquibase.precondition.core.NotPrecondition;
import liquibase.precondition.core.PreconditionContainer;
import liquibase.precondition.core.SqlPrecondition;
import liquibase.precondition.core.TableExistsPrecondition;

/**
 * The precondition that marks a changeset as ran, without running it, when the object its operation creates
 * exists already: for taking over a database whose tables were made before anything was recorded
 * ({@link ChangelogBuilder#adopting}). Extensions and schemas need none ({@code IF NOT EXISTS}).
 */
final class UnlessExists {

    private UnlessExists() {
    }

    /** The precondition of an operation, or {@code null} when it always runs. */
    static PreconditionContainer of(Operation operation) {
        if (operation instanceof CreateTable create) {
            TableExistsPrecondition exists = new TableExistsPrecondition();
            exists.setSchemaName(create.definition().schema());
            exists.setTableName(create.definition().name());
            return markRanIf(exists);
        }
        if (operation instanceof AddForeignKey add) {
            ForeignKeyExistsPrecondition exists = new ForeignKeyExistsPrecondition();
            exists.setSchemaName(add.table().schema());
            exists.setForeignKeyTableName(add.table().name());
            exists.setForeignKeyName(add.key().name());
            return markRanIf(exists);
        }
        if (operation instanceof AddIndex add) {
            IndexExistsPrecondition exists = new IndexExistsPrecondition();
            exists.setSchemaName(add.table().schema());
            exists.setIndexName(add.index().name());
            return markRanIf(exists);
        }
        if (operation instanceof AddCheck add) {
            // Liquibase's open-source edition has no precondition for a check constraint
            SqlPrecondition absent = new SqlPrecondition();
            absent.setExpectedResult("0");
            absent.setSql(Ddl.countConstraints(add.table(), add.check().name()));
            PreconditionContainer container = container();
            container.addNestedPrecondition(absent);
            return container;
        }
        return null;
    }

    private static PreconditionContainer markRanIf(Precondition exists) {
        NotPrecondition not = new NotPrecondition();
        not.addNestedPrecondition(exists);
        PreconditionContainer container = container();
        container.addNestedPrecondition(not);
        return container;
    }

    private static PreconditionContainer container() {
        PreconditionContainer container = new PreconditionContainer();
        container.setOnFail(PreconditionContainer.FailOption.MARK_RAN);
        return container;
    }
}
