package io.ashspring.autoconfigure.replica;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.ashspring.autoconfigure.AshAutoConfiguration;
import io.ashspring.autoconfigure.fixtures.LibraryApplication;
import io.ashspring.runtime.AshRuntime;
import io.ashspring.runtime.ReadRouting;
import io.ashspring.runtime.replica.ReadYourWrites;
import io.ashspring.runtime.replica.ReplicaRouting;
import io.ashspring.test.PostgresTest;
import io.ashspring.test.TestDatabase;
import io.ashspring.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read replicas from {@code ash.datasource.replicas}: the "replica" here is another database of the test
 * server, so {@code current_database()} tells which side a connection reached. (Real streaming standbys:
 * the embedded module's {@code ReplicaRoutingTests}.)
 */
@PostgresTest
class AshReplicaAutoConfigurationTests {

    static String url;
    static String user;
    static TestDatabase primaryDatabase;
    static TestDatabase replicaDatabase;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
                    JdbcClientAutoConfiguration.class, AshAutoConfiguration.class, AshReplicaAutoConfiguration.class))
            .withUserConfiguration(LibraryApplication.class)
            .withPropertyValues("spring.datasource.url=" + url, "spring.datasource.username=" + user);

    @BeforeAll
    static void databases(TestDatabase database) {
        primaryDatabase = database;
        url = database.jdbcUrl();
        user = database.username() == null ? "postgres" : database.username();
        replicaDatabase = TestDatabases.fresh();
    }

    private ApplicationContextRunner withReplica() {
        return runner.withPropertyValues("ash.datasource.replicas[0].url=" + replicaDatabase.jdbcUrl(),
                "ash.datasource.replicas[0].max-lag=5s", "ash.datasource.replicas[0].hikari.minimumIdle=1",
                "ash.datasource.read-your-writes=application");
    }

    private static String database(JdbcClient jdbc) {
        return jdbc.sql("SELECT current_database()").query(String.class).single();
    }

    @Test
    void withoutReplicasNothingIsWrappedAndReadsStayOnThePrimary() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(ReplicaRouting.class).doesNotHaveBean(ReplicaPools.class);
            assertThat(context.getBean("dataSource")).isNotInstanceOf(LazyConnectionDataSourceProxy.class);
            assertThat(context.getBean(AshRuntime.class).reads()).isSameAs(ReadRouting.primary());
        });
    }

    @Test
    void readOnlyTransactionsTakeAReplicaConnectionAndOthersThePrimary() {
        withReplica().run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(ReplicaRouting.class);
            assertThat(context.getBean("dataSource")).isInstanceOf(LazyConnectionDataSourceProxy.class);
            ReplicaRouting routing = context.getBean(ReplicaRouting.class);
            assertThat(context.getBean(AshRuntime.class).reads()).isSameAs(routing);
            assertThat(routing.readYourWrites()).isEqualTo(ReadYourWrites.APPLICATION);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            TransactionTemplate readOnly = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            readOnly.setReadOnly(true);
            TransactionTemplate readWrite = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            assertThat((String) readOnly.execute(status -> database(jdbc))).isEqualTo(replicaDatabase.databaseName());
            assertThat((String) readWrite.execute(status -> database(jdbc))).isEqualTo(primaryDatabase.databaseName());
            assertThat(database(jdbc)).isEqualTo(primaryDatabase.databaseName()); // plain JDBC outside Ash: the primary
        });
    }

    @Test
    void theHealthOfEachReplicaPoolIsReportedAsAshReplication() {
        withReplica().run(context -> {
            CompositeHealthContributor contributor = context.getBean("ashReplicationHealthContributor",
                    CompositeHealthContributor.class);
            HealthIndicator replica = (HealthIndicator) contributor.getContributor("replica-1");
            assertThat(replica.health().getStatus()).isEqualTo(Status.UP);
            assertThat(replica.health().getDetails()).containsEntry("standby", false).containsKey("lagMillis");
            context.getBean(ReplicaPools.class).close();
            context.getBean(ReplicaRouting.class).check();
            assertThat(replica.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(replica.health().getDetails()).containsKey("error");
        });
    }

    @Test
    void withoutSpringBootHealthTheRoutingStillWorks() {
        withReplica().withClassLoader(new FilteredClassLoader("org.springframework.boot.health")).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(ReplicaRouting.class)
                    .doesNotHaveBean("ashReplicationHealthContributor");
        });
    }

    @Test
    void aUserDefinedReadRoutingWins() {
        withReplica().withBean(ReadRouting.class, ReadRouting::primary).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(ReplicaRouting.class);
            assertThat(context.getBean(AshRuntime.class).reads()).isSameAs(ReadRouting.primary());
        });
    }

    @Test
    void aReplicaWithoutAUrlFailsTheStartNamingTheProperty() {
        runner.withPropertyValues("ash.datasource.replicas[0].url=" + replicaDatabase.jdbcUrl(),
                "ash.datasource.replicas[1].max-lag=5s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("ash.datasource.replicas[1].url");
        });
    }
}
