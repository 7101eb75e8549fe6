package it.ash.plain;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import io.ashspring.test.PostgresTest;
import io.ashspring.test.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@PostgresTest
class AshTestPostgresTests {

    @Test
    void theTestDatabaseIsOnAnEmbeddedPostgres18WhereNullsNotDistinctWorks(TestDatabase database) throws SQLException {
        assertEquals(TestDatabase.Source.EMBEDDED, database.source());
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            var version = statement.executeQuery("SHOW server_version");
            version.next();
            assertTrue(version.getString(1).startsWith("18."), "embedded PostgreSQL " + version.getString(1) + ", expected 18");
            statement.execute("CREATE TABLE tags (label text NOT NULL, scope text)");
            statement.execute("CREATE UNIQUE INDEX tags_unique_label ON tags (label, scope) NULLS NOT DISTINCT");
            statement.execute("INSERT INTO tags (label) VALUES ('urgent')");
            SQLException taken = assertThrows(SQLException.class, () -> statement.execute("INSERT INTO tags (label) VALUES ('urgent')"));
            assertEquals("23505", taken.getSQLState(), taken.getMessage());
        }
    }
}
