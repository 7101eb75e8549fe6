package io.ashspring.autoconfigure.diagnostics;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.mock.env.MockEnvironment;

import io.ashspring.autoconfigure.fixtures.broken.Broken;
import io.ashspring.autoconfigure.fixtures.library.Author;
import io.ashspring.autoconfigure.fixtures.library.Book;
import io.ashspring.autoconfigure.schema.AshSchemaInitializer;
import io.ashspring.autoconfigure.schema.AshSchemaVerifier;
import io.ashspring.autoconfigure.schema.MigrationMode;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Each analyzer on the failure the real code path throws, wrapped as the application context wraps
 * it: a short description naming what is wrong and an action saying the fix.
 */
class FailureAnalyzersTests {

    /** How the context reports a failure of a bean's creation: the failure is a cause, not the root. */
    private static Throwable inBean(Throwable failure) {
        return new BeanCreationException("ashSomething", "Error creating bean with name 'ashSomething'", failure);
    }

    @Test
    void invalidResourceDeclarationsAreListedWithTheirFixes() {
        Throwable failure = catchThrowable(() -> ResourceRegistry.of(Broken.class));

        FailureAnalysis analysis = new ResourceModelFailureAnalyzer().analyze(inBean(failure));

        assertThat(analysis.getDescription()).startsWith("2 problems in the resource declarations:")
                .contains("Broken.payload: java.lang.Object is not a supported attribute type")
                .contains("Broken.check positive: names the unknown attribute 'amount'")
                .doesNotContain("Fix:");
        assertThat(analysis.getAction()).startsWith("Change the declarations:").contains("  1. Broken.", "  2. Broken.");
        assertThat(analysis.getCause()).isSameAs(failure);
    }

    @Test
    void anUnknownMigrationModeListsTheModes() {
        MockEnvironment environment = new MockEnvironment().withProperty("ash.migrations.mode", "sometimes");
        Throwable failure = catchThrowable(() -> MigrationMode.resolve(environment, getClass().getClassLoader()));

        FailureAnalysis analysis = new InvalidMigrationModeFailureAnalyzer().analyze(failure);

        assertThat(analysis.getDescription()).isEqualTo("ash.migrations.mode is 'sometimes', which is not a migration mode.");
        assertThat(analysis.getAction()).contains("apply", "generate", "verify", "none");
    }

    @Test
    void aMigrationFailureSaysWhatAndHowToStart() {
        AshSchemaVerifier verifier = new AshSchemaVerifier(ResourceRegistry.of(Author.class, Book.class), List.of(),
                new PathMatchingResourcePatternResolver(), "classpath:/db/nowhere/db.changelog-master.yaml");
        Throwable failure = catchThrowable(verifier::afterPropertiesSet);

        FailureAnalysis analysis = new MigrationFailureAnalyzer().analyze(inBean(failure));

        assertThat(analysis.getDescription()).startsWith("ash.migrations.mode=verify: the resources differ");
        assertThat(analysis.getAction()).startsWith("Fix what the description says, then restart.")
                .contains("ash.migrations.mode");
    }

    @Test
    void aDatabaseThatIsDownAtStartupIsNamedWithoutItsPassword() throws IOException {
        int port = closedPort();
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/library?password=s3cret&ssl=false";
        Throwable failure;
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(url);
            pool.setUsername("librarian");
            AshSchemaInitializer initializer = new AshSchemaInitializer(pool, ResourceRegistry.of(Author.class, Book.class),
                    List.of(), null, true);
            failure = catchThrowable(initializer::afterPropertiesSet);
        }
        MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url", url)
                .withProperty("spring.datasource.username", "librarian");
        DatabaseUnreachableFailureAnalyzer analyzer = new DatabaseUnreachableFailureAnalyzer(environment);

        FailureAnalysis analysis = analyzer.analyze(inBean(failure));

        assertThat(analysis.getDescription()).startsWith("Could not connect to the database at jdbc:postgresql://127.0.0.1:"
                + port + "/library?password=****&ssl=false as user 'librarian': ").contains("refused")
                .doesNotContain("s3cret");
        assertThat(analysis.getAction()).startsWith("Start PostgreSQL, or set spring.datasource.url");
        assertThat(analyzer.getOrder()).as("before the migration's analyzer, which would claim the same failure")
                .isLessThan(new MigrationFailureAnalyzer().getOrder());
    }

    @Test
    void aDatabaseThatDoesNotExistSaysToCreateIt() {
        PGSimpleDataSource dataSource = TestDatabases.fresh().dataSource();
        dataSource.setDatabaseName("ash_missing_" + UUID.randomUUID().toString().replace("-", ""));
        Throwable failure = catchThrowable(() -> dataSource.getConnection().close());
        assertThat(failure).isInstanceOf(SQLException.class);

        FailureAnalysis analysis = new DatabaseUnreachableFailureAnalyzer(null).analyze(inBean(failure));

        assertThat(analysis.getDescription()).startsWith("Could not connect to the database at the configured URL "
                + "(spring.datasource.url is not set): ").contains(dataSource.getDatabaseName());
        assertThat(analysis.getAction()).startsWith("Create the database");
    }

    @Test
    void otherFailuresAreLeftToOtherAnalyzers() {
        Throwable failure = catchThrowable(() -> ResourceRegistry.of(Broken.class));
        assertThat(new DatabaseUnreachableFailureAnalyzer(new MockEnvironment()).analyze(inBean(failure))).isNull();
        assertThat(new MigrationFailureAnalyzer().analyze(inBean(failure))).isNull();
    }

    @Test
    void passwordsAreTakenOutOfUrls() {
        assertThat(DatabaseUnreachableFailureAnalyzer.redacted("jdbc:postgresql://db:5432/app?user=app&password=x&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/app?user=app&password=****&ssl=true");
        assertThat(DatabaseUnreachableFailureAnalyzer.redacted("jdbc:postgresql://app:secret@db/app"))
                .isEqualTo("jdbc:postgresql://app:****@db/app");
        assertThat(DatabaseUnreachableFailureAnalyzer.redacted("jdbc:postgresql://db/app")).isEqualTo("jdbc:postgresql://db/app");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
