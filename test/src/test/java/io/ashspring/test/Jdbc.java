package io.ashspring.test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Set;

import javax.sql.DataSource;

/** Tiny JDBC helpers for the tests. */
final class Jdbc {

    private Jdbc() {
    }

    static String queryString(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            return result.next() ? result.getString(1) : null;
        }
        catch (SQLException ex) {
            throw new IllegalStateException(sql, ex);
        }
    }

    static void execute(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException ex) {
            throw new IllegalStateException(sql, ex);
        }
    }

    /** The number of user tables in the public schema. */
    static int tableCount(DataSource dataSource) {
        return Integer.parseInt(queryString(dataSource,
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"));
    }

    static boolean hasExtension(DataSource dataSource, String extension) {
        return "1".equals(queryString(dataSource, "SELECT count(*) FROM pg_extension WHERE extname = '" + extension + "'"));
    }

    /** The sources this JVM may use: EXTERNAL when a URL is configured, else a container or the embedded server. */
    static Set<TestDatabase.Source> expectedSources() {
        return ServerLocator.configuredUrl() != null ? EnumSet.of(TestDatabase.Source.EXTERNAL)
                : EnumSet.of(TestDatabase.Source.TESTCONTAINERS, TestDatabase.Source.EMBEDDED);
    }
}
