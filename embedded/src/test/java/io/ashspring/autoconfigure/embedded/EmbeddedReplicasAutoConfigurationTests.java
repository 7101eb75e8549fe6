package io.ashspring.autoconfigure.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.ashspring.autoconfigure.replica.AshReplicaAutoConfiguration;
import io.ashspring.autoconfigure.replica.ReplicaConnectionDetails;
import io.ashspring.runtime.replica.ReplicaRouting;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ash.embedded.replicas}: streaming standbys of the embedded server become the read replicas. */
class EmbeddedReplicasAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EmbeddedPostgresAutoConfiguration.class,
                    DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
                    JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class,
                    AshReplicaAutoConfiguration.class));

    @Test
    void withoutTheSettingNoStandbyStarts() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedStandbys.class)
                .doesNotHaveBean(ReplicaRouting.class));
    }

    @Test
    void readOnlyTransactionsAreAnsweredByAStandbyThatIsGoneAfterTheContext() {
        AtomicReference<Path> standbyData = new AtomicReference<>();
        runner.withPropertyValues("ash.embedded.replicas=1").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(EmbeddedStandbys.class).hasSingleBean(ReplicaRouting.class);
            EmbeddedStandbys standbys = context.getBean(EmbeddedStandbys.class);
            assertThat(context.getBean(ReplicaConnectionDetails.class)).isSameAs(standbys);
            EmbeddedStandby standby = standbys.getStandbys().get(0);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            TransactionTemplate readOnly = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            readOnly.setReadOnly(true);
            String where = "SELECT pg_is_in_recovery()::text || ' ' || inet_server_port()";
            assertThat((String) readOnly.execute(status -> jdbc.sql(where).query(String.class).single()))
                    .isEqualTo("true " + standby.getPort());
            assertThat(jdbc.sql(where).query(String.class).single())
                    .isEqualTo("false " + context.getBean(EmbeddedPostgresServer.class).getPort());
            String data = readOnly.execute(status -> jdbc.sql("SHOW data_directory").query(String.class).single());
            standbyData.set(Path.of(data));
        });
        assertThat(Files.exists(standbyData.get())).isFalse();
    }
}
