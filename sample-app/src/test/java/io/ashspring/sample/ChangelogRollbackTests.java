package io.ashspring.sample;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ashspring.test.PostgresTest;
import liquibase.Contexts;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed changelogs after {@code create_helpdesk} ({@code add_showcase}, {@code add_ticket_actions}, {@code add_notes})
 * roll back to exactly what {@code create_helpdesk} made, and apply again: run through Liquibase on the database Spring Boot migrated at startup.
 */
@PostgresTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ChangelogRollbackTests {

    /** Spring Boot's default {@code spring.liquibase.change-log}, so the changesets are recognised as run. */
    private static final String MASTER = "db/changelog/db.changelog-master.yaml";

    @Autowired
    DataSource dataSource;

    @Test
    void theLaterMigrationsRollBackToTheFirstOneAndApplyAgain() throws Exception {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        List<String> showcase = schema(jdbc);
        assertThat(jdbc.sql("SELECT count(*) FROM databasechangelog WHERE filename LIKE '%_add_showcase.yaml'")
                .query(Integer.class).single()).isEqualTo(21);
        int changesets = jdbc.sql("SELECT count(*) FROM databasechangelog WHERE filename NOT LIKE '%_create_helpdesk.yaml'")
                .query(Integer.class).single();
        assertThat(changesets).isEqualTo(21 + 2 + 1);

        liquibase(liquibase -> liquibase.rollback(changesets, (String) null));

        List<String> first = schema(jdbc);
        assertThat(first.stream().map(ChangelogRollbackTests::name))
                .doesNotContain("table posts", "table support_plans", "table notes", "table post_reactions", "table comment_reactions",
                        "view open_ticket_counts", "column representatives.status", "column representatives.backup_id",
                        "column tickets.plan_id", "column tickets.closed_reason", "column tickets.version",
                        "index representatives_name_trgm_index",
                        "index comments_body_search_index", "constraint representatives_backup_id_fkey")
                .contains("table tickets", "table comments", "table representatives",
                        "column representatives.email");
        assertThat(first).contains("index representatives_unique_email_index CREATE UNIQUE INDEX "
                + "representatives_unique_email_index ON public.representatives USING btree (email)");
        assertThat(jdbc.sql("SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'").query(Integer.class).single())
                .isZero();

        liquibase(liquibase -> liquibase.update(new Contexts()));

        assertThat(schema(jdbc)).isEqualTo(showcase);
    }

    /** Tables, views, columns, indexes (with their definitions) and constraints of the public schema. */
    private static List<String> schema(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT 'table ' || table_name FROM information_schema.tables
                  WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'databasechangelog%'
                UNION ALL SELECT 'view ' || table_name FROM information_schema.views WHERE table_schema = 'public'
                UNION ALL SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type
                  || ' ' || is_nullable || ' ' || coalesce(column_default, '')
                  FROM information_schema.columns
                  WHERE table_schema = 'public' AND table_name NOT LIKE 'databasechangelog%'
                UNION ALL SELECT 'index ' || indexname || ' ' || indexdef FROM pg_indexes
                  WHERE schemaname = 'public' AND tablename NOT LIKE 'databasechangelog%'
                UNION ALL SELECT 'constraint ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
                  WHERE connamespace = 'public'::regnamespace
                ORDER BY 1
                """).query(String.class).list();
    }

    /** The kind and name of a line of {@link #schema}: {@code column tickets.plan_id}. */
    private static String name(String line) {
        String[] parts = line.split(" ", 3);
        return parts[0] + " " + parts[1];
    }

    private void liquibase(LiquibaseAction action) throws SQLException, LiquibaseException {
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            action.run(new Liquibase(MASTER, new ClassLoaderResourceAccessor(), database));
        }
    }

    @FunctionalInterface
    private interface LiquibaseAction {
        void run(Liquibase liquibase) throws LiquibaseException;
    }
}
