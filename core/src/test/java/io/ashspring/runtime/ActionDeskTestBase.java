package io.ashspring.runtime;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ashspring.fixtures.actions.ActionDesk;
import io.ashspring.fixtures.actions.Issue;
import io.ashspring.test.TestDatabase;

/** The action resources in the test class's database, emptied before each test. Subclasses are {@code @PostgresTest}. */
abstract class ActionDeskTestBase {

    static AshRuntime ash;
    static JdbcClient jdbc;
    ResourceService<Issue> issues;

    @BeforeAll
    static void schema(TestDatabase database) {
        ash = Databases.runtime(database, ActionDesk.registry());
        jdbc = JdbcClient.create(database.dataSource());
    }

    @BeforeEach
    void clean() {
        jdbc.sql("TRUNCATE issues, agents, audit_entries, notes").update();
        issues = ash.service(Issue.class);
    }
}
