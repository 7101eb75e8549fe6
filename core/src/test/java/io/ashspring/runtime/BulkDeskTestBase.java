package io.ashspring.runtime;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ashspring.fixtures.bulk.BulkDesk;
import io.ashspring.fixtures.bulk.Member;
import io.ashspring.fixtures.bulk.Team;
import io.ashspring.test.TestDatabase;

/** The upsert and bulk resources in the test class's database, emptied before each test. Subclasses are {@code @PostgresTest}. */
abstract class BulkDeskTestBase {

    static AshRuntime ash;
    static JdbcClient jdbc;
    static TestDatabase db;
    ResourceService<Member> members;
    ResourceService<Team> teams;

    @BeforeAll
    static void schema(TestDatabase database) {
        db = database;
        ash = Databases.runtime(database, BulkDesk.registry());
        jdbc = JdbcClient.create(database.dataSource());
    }

    @BeforeEach
    void clean() {
        jdbc.sql("TRUNCATE bulk_members, bulk_teams, bulk_labels").update();
        members = ash.service(Member.class);
        teams = ash.service(Team.class);
    }

    static int rows(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Integer.class).single();
    }

    Member member(String email, String name) {
        return members.create(Map.of("email", email, "name", name));
    }

    UUID team(String name) {
        return teams.create(Map.of("name", name)).id();
    }
}
