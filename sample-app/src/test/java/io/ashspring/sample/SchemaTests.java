package io.ashspring.sample;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ashspring.test.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema Spring Boot's Liquibase run creates from the committed changelogs, as PostgreSQL's
 * catalog reports it: what each showcase declaration of the resources became.
 */
@PostgresTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class SchemaTests {

    @Autowired
    DataSource dataSource;

    JdbcClient jdbc;

    @BeforeEach
    void connect() {
        jdbc = JdbcClient.create(dataSource);
    }

    @Test
    void theSchemaComesFromTheCommittedChangelogsThroughSpringBootsLiquibaseRun() {
        // a master changelog exists, so ash.migrations.mode defaults to apply
        assertThat(jdbc.sql("SELECT DISTINCT filename FROM databasechangelog ORDER BY filename").query(String.class).list())
                .hasSize(4)
                .allSatisfy(file -> assertThat(file).contains("migrations/"))
                .satisfiesExactly(file -> assertThat(file).endsWith("_create_helpdesk.yaml"),
                        file -> assertThat(file).endsWith("_add_showcase.yaml"),
                        file -> assertThat(file).endsWith("_add_ticket_actions.yaml"),
                        file -> assertThat(file).endsWith("_add_notes.yaml"));
    }

    @Test
    void foreignKeysCarryTheDeleteRulesOfTheReferences() {
        assertThat(constraint("tickets_representative_id_fkey"))
                .isEqualTo("FOREIGN KEY (representative_id) REFERENCES representatives(id) ON DELETE SET NULL");
        assertThat(constraint("comments_ticket_id_fkey"))
                .isEqualTo("FOREIGN KEY (ticket_id) REFERENCES tickets(id) ON DELETE CASCADE");
    }

    @Test
    void theCheckConstraintIsInTheTable() {
        assertThat(constraint("priority_in_range")).isEqualTo("CHECK (((priority >= 1) AND (priority <= 5)))");
    }

    @Test
    void identitiesAndCustomIndexesAreIndexes() {
        assertThat(index("tickets_unique_subject_index"))
                .isEqualTo("CREATE UNIQUE INDEX tickets_unique_subject_index ON public.tickets USING btree (subject)");
        assertThat(index("representatives_unique_email_index")).startsWith("CREATE UNIQUE INDEX");
        assertThat(index("tickets_status_inserted_at_index"))
                .isEqualTo("CREATE INDEX tickets_status_inserted_at_index ON public.tickets USING btree "
                        + "(status, inserted_at DESC) WHERE (status = 'open'::text)");
    }

    @Test
    void columnsHaveTheTypesNullabilityAndDefaultsOfTheAttributes() {
        assertThat(column("tickets", "subject")).isEqualTo("text NO null");
        assertThat(column("tickets", "status")).isEqualTo("text YES 'open'::text");
        assertThat(column("tickets", "priority")).isEqualTo("integer YES 1");
        assertThat(column("tickets", "inserted_at")).isEqualTo("timestamp with time zone NO now()");
        assertThat(column("tickets", "id")).isEqualTo("uuid NO gen_random_uuid()");
        assertThat(column("representatives", "email")).isEqualTo("citext YES null");
        assertThat(column("comments", "ticket_id")).isEqualTo("uuid NO null");
    }

    @Test
    void thePriceOfASupportPlanIsChecked() {
        assertThat(constraint("price_positive")).isEqualTo("CHECK ((price > (0)::numeric))");
        assertThat(column("support_plans", "price")).isEqualTo("numeric NO null");
    }

    @Test
    void emailsAreUniqueOnlyAmongActiveRepresentatives() {
        assertThat(index("representatives_unique_email_index")).isEqualTo("CREATE UNIQUE INDEX "
                + "representatives_unique_email_index ON public.representatives USING btree (email) "
                + "WHERE (status = 'active'::text)");
        assertThat(column("representatives", "status")).isEqualTo("text NO 'active'::text");
    }

    @Test
    void representativeNamesHaveAGinTrigramIndex() {
        assertThat(jdbc.sql("SELECT extname FROM pg_extension").query(String.class).list())
                .contains("pg_trgm", "citext");
        assertThat(index("representatives_name_trgm_index")).isEqualTo("CREATE INDEX representatives_name_trgm_index "
                + "ON public.representatives USING gin (name gin_trgm_ops)");
    }

    @Test
    void commentBodiesHaveAFullTextIndexOfTheExpressionTheSearchUses() {
        assertThat(index("comments_body_search_index")).isEqualTo("CREATE INDEX comments_body_search_index "
                + "ON public.comments USING gin (to_tsvector('english'::regconfig, body))");
    }

    @Test
    void thePolymorphicReactionHasATablePerRelationshipEachWithItsForeignKeyAndIndex() {
        assertThat(constraint("post_reactions_subject_id_fkey"))
                .isEqualTo("FOREIGN KEY (subject_id) REFERENCES posts(id) ON DELETE CASCADE");
        assertThat(constraint("comment_reactions_subject_id_fkey"))
                .isEqualTo("FOREIGN KEY (subject_id) REFERENCES comments(id) ON DELETE CASCADE");
        for (String table : new String[] {"post_reactions", "comment_reactions"}) {
            assertThat(jdbc.sql("""
                    SELECT column_name FROM information_schema.columns
                    WHERE table_schema = 'public' AND table_name = ? ORDER BY ordinal_position
                    """).param(table).query(String.class).list())
                    .containsExactly("id", "subject_id", "emoji", "inserted_at");
            assertThat(index(table + "_subject_id_index")).endsWith("USING btree (subject_id)");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM information_schema.tables WHERE table_name = 'reactions'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void theBackupReferenceIsCheckedAtCommit() {
        assertThat(constraint("representatives_backup_id_fkey")).isEqualTo("FOREIGN KEY (backup_id) "
                + "REFERENCES representatives(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED");
        assertThat(jdbc.sql("SELECT condeferrable, condeferred FROM pg_constraint WHERE conname = ?")
                .param("representatives_backup_id_fkey")
                .query((rs, n) -> rs.getBoolean(1) + " " + rs.getBoolean(2)).single())
                .isEqualTo("true true");
        assertThat(jdbc.sql("SELECT condeferrable FROM pg_constraint WHERE conname = ?")
                .param("tickets_representative_id_fkey").query(Boolean.class).single()).isFalse();
    }

    @Test
    void theCustomStatementCreatedTheOpenTicketCountsView() {
        assertThat(jdbc.sql("SELECT pg_get_viewdef('public.open_ticket_counts'::regclass)").query(String.class).single())
                .contains("count(*) AS open_tickets", "status = 'open'::text", "GROUP BY")
                .containsPattern("GROUP BY (tickets\\.)?representative_id");
        // no table for the read-only resource over it: migrate = false
        assertThat(jdbc.sql("SELECT relkind FROM pg_class WHERE relname = 'open_ticket_counts'").query(String.class)
                .single()).isEqualTo("v");
    }

    private String constraint(String name) {
        return jdbc.sql("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = ?").param(name)
                .query(String.class).single();
    }

    private String index(String name) {
        return jdbc.sql("SELECT indexdef FROM pg_indexes WHERE indexname = ?").param(name).query(String.class).single();
    }

    private String column(String table, String column) {
        return jdbc.sql("""
                SELECT coalesce(domain_name, CASE WHEN data_type = 'USER-DEFINED' THEN udt_name ELSE data_type END)
                       || ' ' || is_nullable || ' ' || coalesce(column_default, 'null')
                FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ? AND column_name = ?
                """).param(table).param(column).query(String.class).single();
    }
}
