package io.ashspring.migrate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.ashspring.migrate.liquibase.ChangeRenderer;
import io.ashspring.migrate.model.Check;
import io.ashspring.migrate.model.Column;
import io.ashspring.migrate.model.ColumnGeneration;
import io.ashspring.migrate.model.ForeignKey;
import io.ashspring.migrate.model.Index;
import io.ashspring.migrate.model.IndexKey;
import io.ashspring.migrate.model.PrimaryKey;
import io.ashspring.migrate.model.QualifiedName;
import io.ashspring.migrate.model.Statement;
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
import io.ashspring.migrate.operation.RemoveStatement;
import io.ashspring.migrate.operation.RenameColumn;
import io.ashspring.migrate.operation.RenameConstraint;
import io.ashspring.migrate.operation.RenameIndex;
import io.ashspring.migrate.operation.RenameTable;
import io.ashspring.migrate.order.OperationOrder;
import io.ashspring.migrate.order.OrderingFacts;
import io.ashspring.resource.Deferrable;
import io.ashspring.resource.MatchType;
import io.ashspring.resource.OnDelete;
import io.ashspring.resource.OnUpdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The ordering catalogue and the sort, without a database. */
class OperationOrderTests {

    static final QualifiedName PARENTS = new QualifiedName("public", "parents");
    static final QualifiedName CHILDREN = new QualifiedName("public", "children");
    static final Column ID = new Column("id", "uuid", false, null, ColumnGeneration.NONE);
    static final Column CODE = new Column("code", "text", true, null, ColumnGeneration.NONE);
    static final Column PARENT_CODE = new Column("parent_code", "text", true, null, ColumnGeneration.NONE);
    static final Table PARENT_TABLE = new Table("public", "parents", List.of(ID, CODE), new PrimaryKey("parents_pkey", List.of("id")),
            List.of(), List.of(), List.of(), List.of(), null);
    static final Table CHILD_TABLE = new Table("public", "children", List.of(ID, PARENT_CODE),
            new PrimaryKey("children_pkey", List.of("id")), List.of(), List.of(), List.of(), List.of(), null);
    static final ForeignKey TO_PARENT_CODE = new ForeignKey("children_parent_code_fkey", List.of("parent_code"), "public", "parents",
            List.of("code"), OnDelete.NOTHING, List.of(), OnUpdate.NOTHING, Deferrable.NO, MatchType.SIMPLE);
    static final Index UNIQUE_CODE = new Index("parents_code_index", List.of(IndexKey.column("code")), true, null, null, List.of(),
            true, false);
    static final Check CODE_CHECK = new Check("code_not_blank", "length(code) > 0", List.of("code"));

    /** One instance of every operation type. */
    static List<Operation> oneOfEach() {
        return List.of(new CreateExtension("citext"), new DropExtension("citext"), new CreateSchema("archive"),
                new DropSchema("archive"), new CreateTable(PARENT_TABLE), new DropTable(PARENT_TABLE),
                new RenameTable(PARENTS, "elders"), new MoveTable(PARENTS, "archive"), new AddColumn(PARENTS, CODE),
                new DropColumn(PARENTS, CODE), new RenameColumn(PARENTS, "code", "label"),
                new AlterColumn(PARENTS, CODE, new Column("code", "varchar(8)", false, "'x'", ColumnGeneration.NONE)),
                new AddPrimaryKey(PARENTS, PARENT_TABLE.primaryKey()), new DropPrimaryKey(PARENTS, PARENT_TABLE.primaryKey()),
                new AddForeignKey(CHILDREN, TO_PARENT_CODE), new DropForeignKey(CHILDREN, TO_PARENT_CODE),
                new AlterDeferrability(CHILDREN, TO_PARENT_CODE.name(), Deferrable.NO, Deferrable.YES),
                new AddIndex(PARENTS, UNIQUE_CODE), new DropIndex(PARENTS, UNIQUE_CODE),
                new RenameIndex(PARENTS, "parents_code_index", "parents_code_key"),
                new RenameConstraint(PARENTS, "parents_pkey", "elders_pkey"), new AddCheck(PARENTS, CODE_CHECK),
                new DropCheck(PARENTS, CODE_CHECK), new AddStatement(PARENTS, new Statement("v", "CREATE VIEW v AS SELECT 1", "DROP VIEW v")),
                new RemoveStatement(PARENTS, new Statement("v", "CREATE VIEW v AS SELECT 1", "DROP VIEW v")));
    }

    private static List<String> describe(List<Operation> operations) {
        return operations.stream().map(Operation::describe).toList();
    }

    @Test
    void everyOperationTypeHasOrderingFactsARenderingAndAnExactInverse() {
        Set<Class<?>> covered = oneOfEach().stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(covered).containsExactlyInAnyOrderElementsOf(Arrays.asList(Operation.class.getPermittedSubclasses()));
        for (Operation operation : oneOfEach()) {
            assertThat(OrderingFacts.of(operation)).as(operation.describe()).isNotNull();
            assertThat(ChangeRenderer.changes(operation)).as(operation.describe()).isNotEmpty();
            assertThat(ChangeRenderer.changes(operation.inverse())).as("rollback of " + operation.describe()).isNotEmpty();
            assertThat(operation.inverse().inverse()).isEqualTo(operation);
        }
    }

    @Test
    void aForeignKeyWaitsForTheUniqueIndexOnExactlyItsReferencedColumns() {
        Index otherColumns = new Index("parents_id_code_index", List.of(IndexKey.column("id"), IndexKey.column("code")), true, null,
                null, List.of(), true, false);
        List<Operation> sorted = OperationOrder.sort(List.of(new AddForeignKey(CHILDREN, TO_PARENT_CODE),
                new AddIndex(PARENTS, otherColumns), new AddIndex(PARENTS, UNIQUE_CODE)));
        assertThat(describe(sorted)).containsExactly("add unique index parents_id_code_index on public.parents",
                "add unique index parents_code_index on public.parents",
                "add foreign key children_parent_code_fkey public.children[parent_code] -> public.parents[code]");
    }

    @Test
    void aPartialUniqueIndexDoesNotCountForAForeignKey() {
        Index partial = new Index("parents_code_index", List.of(IndexKey.column("code")), true, "code <> ''", null, List.of(), true,
                false);
        List<Operation> sorted = OperationOrder.sort(List.of(new AddForeignKey(CHILDREN, TO_PARENT_CODE), new AddIndex(PARENTS, partial)));
        assertThat(sorted.get(0)).isInstanceOf(AddForeignKey.class);
    }

    @Test
    void constraintsIndexesAndStatementsAreDroppedBeforeTheColumnsTheyUse() {
        Statement view = new Statement("v", "CREATE VIEW v AS SELECT code FROM parents", "DROP VIEW v");
        List<String> sorted = describe(OperationOrder.sort(List.of(new DropColumn(PARENTS, CODE), new DropIndex(PARENTS, UNIQUE_CODE),
                new DropCheck(PARENTS, CODE_CHECK), new DropForeignKey(CHILDREN, TO_PARENT_CODE), new RemoveStatement(PARENTS, view))));
        assertThat(sorted.indexOf("drop column public.parents.code")).isEqualTo(4);
        // the unique index may only go once the foreign key relying on it is gone
        assertThat(sorted.indexOf("drop foreign key children_parent_code_fkey of public.children"))
                .isLessThan(sorted.indexOf("drop index parents_code_index on public.parents"));
    }

    @Test
    void foreignKeysPointingAtATableAreDroppedBeforeIt() {
        List<Operation> sorted = OperationOrder.sort(List.of(new DropTable(PARENT_TABLE), new DropTable(CHILD_TABLE),
                new DropForeignKey(CHILDREN, TO_PARENT_CODE)));
        assertThat(describe(sorted)).containsExactly("drop foreign key children_parent_code_fkey of public.children",
                "drop table public.parents", "drop table public.children");
    }

    @Test
    void aColumnChangeWaitsForTheCheckOnItsTableToBeDroppedAndTheNewCheckWaitsForIt() {
        Column longer = new Column("code", "varchar(80)", true, null, ColumnGeneration.NONE);
        Check newCheck = new Check("code_not_blank", "length(code) > 1", List.of("code"));
        List<Operation> sorted = OperationOrder.sort(List.of(new AddCheck(PARENTS, newCheck), new AlterColumn(PARENTS, CODE, longer),
                new DropCheck(PARENTS, CODE_CHECK)));
        assertThat(describe(sorted)).containsExactly("drop check code_not_blank on public.parents",
                "alter column public.parents.code: type text -> varchar(80)", "add check code_not_blank on public.parents: length(code) > 1");
    }

    @Test
    void operationsFreeToRunKeepTheirOrder() {
        List<Operation> independent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            independent.add(new CreateTable(new Table("public", "t" + i, List.of(ID), null, List.of(), List.of(), List.of(), List.of(), null)));
        }
        assertThat(OperationOrder.sort(independent)).isEqualTo(independent);
    }

    @Test
    void aCycleIsReportedWithTheStepsAndTablesInIt() {
        // swapping two column names needs a temporary name: no order of these two renames works
        MigrationException failure = catchThrowableOfType(MigrationException.class, () -> OperationOrder.sort(List.of(
                new CreateTable(CHILD_TABLE), new RenameColumn(PARENTS, "code", "label"), new RenameColumn(PARENTS, "label", "code"))));
        assertThat(failure).hasMessageStartingWith("The changes to public.parents depend on each other in a cycle");
        assertThat(failure.problems()).singleElement().asString().contains("rename column public.parents.code to label",
                "rename column public.parents.label to code", "make the change in two codegen runs");
    }
}
