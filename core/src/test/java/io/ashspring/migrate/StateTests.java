package io.ashspring.migrate;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.ashspring.migrate.model.Column;
import io.ashspring.migrate.model.ColumnGeneration;
import io.ashspring.migrate.model.QualifiedName;
import io.ashspring.migrate.model.Table;
import io.ashspring.migrate.state.RecordedState;
import io.ashspring.migrate.state.StateChange;
import io.ashspring.migrate.state.StateFile;
import io.ashspring.migrate.state.StateFolder;
import io.ashspring.fixtures.Blog;
import io.ashspring.fixtures.Helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The recorded state: what a run writes, and how files fold, without a database. */
class StateTests {

    static final Column ID = new Column("id", "uuid", false, "gen_random_uuid()", ColumnGeneration.NONE);

    static Table users(Column... extra) {
        List<Column> columns = new java.util.ArrayList<>(List.of(ID));
        columns.addAll(List.of(extra));
        return new Table("public", "users", columns, new io.ashspring.migrate.model.PrimaryKey("users_pkey", List.of("id")),
                List.of(), List.of(), List.of(), List.of(), null);
    }

    static RecordedState state(Table... tables) {
        return new RecordedState(new TableModel(List.of(tables), Set.of()), Set.of(), List.of(), List.of());
    }

    static Column text(String name) {
        return new Column(name, "text", true, null, ColumnGeneration.NONE);
    }

    @Test
    void aWholeModelWrittenAsOneFileFoldsBackEqual() {
        TableModel model = TableModel.from(Blog.registry());
        RecordedState recorded = new RecordedState(model, Set.of(), List.of(), List.of());
        String json = StateChange.between(RecordedState.empty(), recorded, null);
        RecordedState folded = StateFolder.fold(List.of(new StateFile("snapshot.json", json)));
        assertThat(folded.model().tables()).containsExactlyInAnyOrderElementsOf(model.tables());
        assertThat(folded.model().extensions()).isEqualTo(model.extensions());
        TableModel helpdesk = TableModel.from(Helpdesk.registry());
        String withCitext = StateChange.between(RecordedState.empty(), new RecordedState(helpdesk, Set.of(), List.of(), List.of()), null);
        assertThat(withCitext).contains("\"extensions\" : {\n    \"citext\" : true");
        assertThat(StateFolder.fold(List.of(new StateFile("a.json", withCitext))).model().tables())
                .containsExactlyInAnyOrderElementsOf(helpdesk.tables());
    }

    @Test
    void aRunMentionsOnlyTheElementsItChanged() {
        String json = StateChange.between(state(users(text("name"), text("legacy"))), state(users(text("name"), text("email"))), "x.yaml");
        assertThat(json).contains("\"patch\"", "\"email\" : {", "\"legacy\" : null").doesNotContain("\"name\" : {");
        assertThat(StateChange.between(state(users()), state(users()), null)).isNull();
    }

    @Test
    void patchesOfOneTableMadeOnTwoBranchesFoldToBoth() {
        String base = StateChange.between(RecordedState.empty(), state(users()), null);
        String branchA = StateChange.between(state(users()), state(users(text("email"))), null);
        String branchB = StateChange.between(state(users()), state(users(text("phone"))), null);
        RecordedState merged = StateFolder.fold(List.of(new StateFile("2_b.json", branchB), new StateFile("1_base.json", base),
                new StateFile("2_a.json", branchA)));
        assertThat(merged.files()).containsExactly("1_base.json", "2_a.json", "2_b.json");
        assertThat(merged.model().tables()).singleElement().satisfies(t -> assertThat(t.columns()).extracting(Column::name)
                .containsExactly("id", "email", "phone"));
    }

    @Test
    void aPatchOfATableNoEarlierFileCreatesIsIgnoredWithAWarning() {
        String patch = StateChange.between(state(users()), state(users(text("email"))), null);
        RecordedState folded = StateFolder.fold(List.of(new StateFile("1_orphan.json", patch)));
        assertThat(folded.model().tables()).isEmpty();
        assertThat(folded.warnings()).singleElement().asString().startsWith("1_orphan.json changes the table public.users");
    }

    @Test
    void aDropRemovesTheTableAndARetainedMarkKeepsIt() {
        String create = StateChange.between(RecordedState.empty(), state(users()), null);
        RecordedState retained = new RecordedState(new TableModel(List.of(users()), Set.of()), Set.of(new QualifiedName("public", "users")),
                List.of(), List.of());
        String keep = StateChange.between(state(users()), retained, null);
        assertThat(keep).contains("\"retained\" : true");
        assertThat(StateFolder.fold(List.of(new StateFile("1.json", create), new StateFile("2.json", keep))).retained())
                .containsExactly(new QualifiedName("public", "users"));
        String drop = StateChange.between(state(users()), RecordedState.empty(), null);
        assertThat(StateFolder.fold(List.of(new StateFile("1.json", create), new StateFile("2.json", drop))).model().tables()).isEmpty();
    }

    @Test
    void aBrokenFileIsNamedInTheError() {
        MigrationException failure = catchThrowableOfType(MigrationException.class,
                () -> StateFolder.fold(List.of(new StateFile("20260101000000_x.json", "{\n  \"format\": \"ash-migration-state\",\n  oops"))));
        assertThat(failure).hasMessageStartingWith("20260101000000_x.json: not valid JSON at line 3");
        MigrationException badTable = catchThrowableOfType(MigrationException.class, () -> StateFolder.fold(List.of(new StateFile("t.json",
                "{\"format\": \"ash-migration-state\", \"version\": 1, \"tables\": {\"public.t\": {\"create\": {\"schema\": \"public\", "
                        + "\"name\": \"t\", \"columns\": [{\"name\": \"a\", \"type\": \"text\", \"generation\": \"SOMETIMES\"}]}}}}"))));
        assertThat(badTable).hasMessageStartingWith("the state of public.t: a table in this state file cannot be read");
    }
}
