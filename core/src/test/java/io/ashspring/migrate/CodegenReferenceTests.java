package io.ashspring.migrate;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.ashspring.fixtures.Photo;
import io.ashspring.fixtures.Post;
import io.ashspring.fixtures.PostTag;
import io.ashspring.fixtures.Reaction;
import io.ashspring.fixtures.Tag;
import io.ashspring.migrate.codegen.CodegenResult;
import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.migrate.model.Column;
import io.ashspring.migrate.model.ForeignKey;
import io.ashspring.migrate.model.Table;
import io.ashspring.migrate.operation.Operation;
import io.ashspring.resource.Attribute;
import io.ashspring.resource.BelongsTo;
import io.ashspring.resource.Deferrable;
import io.ashspring.resource.Identity;
import io.ashspring.resource.MatchType;
import io.ashspring.resource.OnDelete;
import io.ashspring.resource.OnUpdate;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Ref;
import io.ashspring.resource.Reference;
import io.ashspring.resource.Resource;

import static io.ashspring.migrate.CodegenHarness.steps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Foreign keys (reference §2, "References"), applied to PostgreSQL and rolled back. */
class CodegenReferenceTests extends CodegenTestBase {

    @Resource(table = "teams")
    record Team(@PrimaryKey Long id) {
    }

    @Resource(table = "players")
    record Player(@PrimaryKey UUID id, @BelongsTo Ref<Team, Long> team) {
    }

    @Resource(table = "players")
    record PlayerIndexed(@PrimaryKey UUID id, @BelongsTo @Reference(index = true, indexWhere = "not nil") Ref<Team, Long> team) {
    }

    @Resource(table = "players")
    record PlayerDeferred(@PrimaryKey UUID id, @BelongsTo @Reference(deferrable = Deferrable.INITIALLY_DEFERRED) Ref<Team, Long> team) {
    }

    @Resource(table = "players")
    record PlayerCascading(@PrimaryKey UUID id,
                           @BelongsTo @Reference(onDelete = OnDelete.DELETE, onUpdate = OnUpdate.UPDATE) Ref<Team, Long> team) {
    }

    @Resource(table = "players")
    record PlayerRenamedKey(@PrimaryKey UUID id, @BelongsTo @Reference(name = "players_to_teams") Ref<Team, Long> team) {
    }

    /** A tree whose parent is found by code: the unique index on code must exist before the foreign key. */
    @Resource(table = "categories")
    @Identity(name = "unique_code", keys = "code")
    record Category(@PrimaryKey UUID id, String code, @BelongsTo(destinationAttribute = "code") Ref<Category, String> parent) {
    }

    @Resource(table = "leagues")
    record LeagueInt(@PrimaryKey Integer id) {
    }

    @Resource(table = "clubs")
    record ClubInt(@PrimaryKey UUID id, @BelongsTo Ref<LeagueInt, Integer> league) {
    }

    @Resource(table = "leagues")
    record LeagueLong(@PrimaryKey Long id) {
    }

    @Resource(table = "clubs")
    record ClubLong(@PrimaryKey UUID id, @BelongsTo Ref<LeagueLong, Long> league) {
    }

    /** Projects belong to an organization; a task's project must be in the task's own organization. */
    @Resource(table = "projects")
    @Identity(name = "unique_id_in_organization", keys = {"id", "organizationId"})
    record Project(@PrimaryKey UUID id, @Attribute(allowNil = false) UUID organizationId) {
    }

    @Resource(table = "tasks")
    record Task(@PrimaryKey UUID id, UUID organizationId,
                @BelongsTo @Reference(matchWith = "organizationId", matchType = MatchType.FULL, index = true)
                Ref<Project, UUID> project) {
    }

    @Test
    void aForeignKeyColumnHasTheReferencedColumnsType() {
        harness.migrate("players", Team.class, Player.class);
        assertThat(harness.catalog.columns("public.players")).contains("team_id bigint");
        assertThat(harness.catalog.constraints("public.players", "f")).containsExactly(
                Map.entry("players_team_id_fkey", "FOREIGN KEY (team_id) REFERENCES teams(id)"));
    }

    @Test
    void theUniqueIndexASelfReferenceNeedsIsCreatedBeforeIt() {
        CodegenResult result = harness.migrate("categories", Category.class);
        List<String> steps = steps(result);
        assertThat(steps.indexOf("add unique index categories_unique_code_index on public.categories"))
                .isLessThan(steps.indexOf("add foreign key categories_parent_id_fkey public.categories[parent_id] -> public.categories[code]"));
        assertThat(harness.catalog.constraints("public.categories", "f")).containsExactly(
                Map.entry("categories_parent_id_fkey", "FOREIGN KEY (parent_id) REFERENCES categories(code)"));
    }

    @Test
    void addingOnlyAnIndexToAReferenceLeavesTheForeignKeyAlone() {
        harness.migrate("players", Team.class, Player.class);
        long foreignKey = harness.catalog.constraintOid("players_team_id_fkey");
        CodegenResult result = harness.migrate("index", Team.class, PlayerIndexed.class);
        assertThat(steps(result)).containsExactly("add index players_team_id_index on public.players");
        assertThat(harness.catalog.constraintOid("players_team_id_fkey")).isEqualTo(foreignKey);
        assertThat(harness.catalog.indexes("public", "players").get("players_team_id_index")).isEqualTo(
                "CREATE INDEX players_team_id_index ON public.players USING btree (team_id) WHERE (team_id IS NOT NULL)");
    }

    @Test
    void changingOnlyDeferrabilityAltersTheForeignKeyInPlace() {
        harness.migrate("players", Team.class, Player.class);
        long foreignKey = harness.catalog.constraintOid("players_team_id_fkey");
        CodegenResult result = harness.migrate("defer", Team.class, PlayerDeferred.class);
        assertThat(steps(result)).containsExactly("alter foreign key players_team_id_fkey of public.players: deferrable NO -> INITIALLY_DEFERRED");
        assertThat(harness.catalog.constraintOid("players_team_id_fkey")).isEqualTo(foreignKey);
        assertThat(harness.catalog.constraints("public.players", "f").get("players_team_id_fkey"))
                .isEqualTo("FOREIGN KEY (team_id) REFERENCES teams(id) DEFERRABLE INITIALLY DEFERRED");
    }

    @Test
    void changingOnDeleteOrOnUpdateDropsTheOldKeyFirst() {
        harness.migrate("players", Team.class, Player.class);
        CodegenResult result = harness.migrate("cascade", Team.class, PlayerCascading.class);
        assertThat(steps(result)).containsExactly("drop foreign key players_team_id_fkey of public.players",
                "add foreign key players_team_id_fkey public.players[team_id] -> public.teams[id]");
        assertThat(harness.catalog.constraints("public.players", "f").get("players_team_id_fkey"))
                .isEqualTo("FOREIGN KEY (team_id) REFERENCES teams(id) ON UPDATE CASCADE ON DELETE CASCADE");
    }

    @Test
    void changingOnlyTheNameRenamesTheForeignKey() {
        harness.migrate("players", Team.class, Player.class);
        long foreignKey = harness.catalog.constraintOid("players_team_id_fkey");
        CodegenResult result = harness.migrate("rename", Team.class, PlayerRenamedKey.class);
        assertThat(steps(result)).containsExactly("rename constraint players_team_id_fkey on public.players to players_to_teams");
        assertThat(harness.catalog.constraintOid("players_to_teams")).isEqualTo(foreignKey);
    }

    @Test
    void changingTheTypeOfAPrimaryKeyDropsAndReaddsTheKeysPointingAtIt() {
        harness.migrate("leagues", LeagueInt.class, ClubInt.class);
        CodegenResult result = harness.migrate("bigger", LeagueLong.class, ClubLong.class);
        assertThat(steps(result)).containsExactly("drop foreign key clubs_league_id_fkey of public.clubs",
                "alter column public.leagues.id: type integer -> bigint",
                "alter column public.clubs.league_id: type integer -> bigint",
                "add foreign key clubs_league_id_fkey public.clubs[league_id] -> public.leagues[id]");
        assertThat(harness.catalog.columns("public.clubs")).contains("league_id bigint");
    }

    @Test
    void polymorphicTablesEachReferenceTheirOwner() {
        harness.migrate("blog", Post.class, Tag.class, PostTag.class, Photo.class, Reaction.class);
        assertThat(harness.catalog.constraints("public.post_reactions", "f")).containsExactly(
                Map.entry("post_reactions_subject_id_fkey", "FOREIGN KEY (subject_id) REFERENCES posts(id) ON DELETE CASCADE"));
        assertThat(harness.catalog.constraints("public.photo_reactions", "f")).containsExactly(
                Map.entry("photo_reactions_subject_id_fkey", "FOREIGN KEY (subject_id) REFERENCES photos(id) ON DELETE CASCADE"));
        assertThat(harness.catalog.indexes("public", "post_reactions")).containsKeys("post_reactions_one_per_emoji_index",
                "post_reactions_subject_id_index");
    }

    @Test
    void aCompositeForeignKeyWithMatchFullReferencesACompositeKey() {
        Table regions = new Table("public", "regions", List.of(new Column("country", "text", false, null, null),
                new Column("code", "text", false, null, null)), new io.ashspring.migrate.model.PrimaryKey("regions_pkey", List.of("country", "code")),
                List.of(), List.of(), List.of(), List.of(), null);
        Table shops = new Table("public", "shops", List.of(new Column("id", "uuid", false, "gen_random_uuid()", null),
                new Column("country", "text", true, null, null), new Column("region", "text", true, null, null)),
                new io.ashspring.migrate.model.PrimaryKey("shops_pkey", List.of("id")),
                List.of(new ForeignKey("shops_region_fkey", List.of("country", "region"), "public", "regions",
                        List.of("country", "code"), OnDelete.RESTRICT, List.of(), OnUpdate.NOTHING, Deferrable.NO, MatchType.FULL)),
                List.of(), List.of(), List.of(), null);
        CodegenResult result = new MigrationGenerator(harness.options("composite"))
                .generate(new TableModel(List.of(shops, regions), Set.of()), MigrationHints.NONE);
        harness.apply();
        assertThat(steps(result)).last().isEqualTo("add foreign key shops_region_fkey public.shops[country, region] -> public.regions[country, code]");
        assertThat(harness.catalog.constraints("public.shops", "f")).containsExactly(Map.entry("shops_region_fkey",
                "FOREIGN KEY (country, region) REFERENCES regions(country, code) MATCH FULL ON DELETE RESTRICT"));
    }

    @Test
    void aCompositeKeyDeclaredOnTheResourceMatchesEveryColumnFully() {
        CodegenResult result = harness.migrate("tasks", Project.class, Task.class);
        assertThat(steps(result)).containsExactly( // as docs/constraints.md shows them
                "create table public.projects",
                "create table public.tasks",
                "add unique index projects_unique_id_in_organization_index on public.projects",
                "add index tasks_project_id_index on public.tasks",
                "add foreign key tasks_project_id_fkey public.tasks[project_id, organization_id] -> public.projects[id, organization_id]");
        assertThat(result.changelogText().replaceAll("\\s+", " ")).contains("ALTER TABLE \"public\".\"tasks\" ADD CONSTRAINT "
                + "\"tasks_project_id_fkey\" FOREIGN KEY (\"project_id\", \"organization_id\") REFERENCES \"public\".\"projects\" "
                + "(\"id\", \"organization_id\") MATCH FULL ON DELETE NO ACTION ON UPDATE NO ACTION");
        assertThat(harness.catalog.constraints("public.tasks", "f")).containsExactly(Map.entry("tasks_project_id_fkey",
                "FOREIGN KEY (project_id, organization_id) REFERENCES projects(id, organization_id) MATCH FULL"));
        assertThat(harness.catalog.indexes("public", "tasks").get("tasks_project_id_index")).isEqualTo(
                "CREATE INDEX tasks_project_id_index ON public.tasks USING btree (project_id, organization_id)");

        UUID organization = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        harness.jdbc.sql("INSERT INTO projects (id, organization_id) VALUES (?, ?)").params(project, organization).update();
        harness.jdbc.sql("INSERT INTO tasks (id, organization_id, project_id) VALUES (?, ?, ?)")
                .params(UUID.randomUUID(), organization, project).update();
        // another organization's project, and a half-null key (MATCH FULL), are both refused
        assertThatThrownBy(() -> harness.jdbc.sql("INSERT INTO tasks (id, organization_id, project_id) VALUES (?, ?, ?)")
                .params(UUID.randomUUID(), UUID.randomUUID(), project).update())
                .hasMessageContaining("tasks_project_id_fkey");
        assertThatThrownBy(() -> harness.jdbc.sql("INSERT INTO tasks (id, organization_id, project_id) VALUES (?, NULL, ?)")
                .params(UUID.randomUUID(), project).update())
                .hasMessageContaining("tasks_project_id_fkey");
    }
}
