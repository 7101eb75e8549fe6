package io.ashspring.sample;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ashspring.test.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema the starter creates at startup from the three resources, as PostgreSQL reports it. */
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
        assertThat(jdbc.sql("SELECT filename FROM databasechangelog").query(String.class).list())
                .isNotEmpty()
                .allSatisfy(file -> assertThat(file).contains("migrations/").endsWith("_create_helpdesk.yaml"));
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
