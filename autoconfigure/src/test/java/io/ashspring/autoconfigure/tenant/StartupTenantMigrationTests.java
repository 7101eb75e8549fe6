package io.ashspring.autoconfigure.tenant;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ashspring.autoconfigure.fixtures.tenants.Organization;
import io.ashspring.autoconfigure.schema.StartupRunners;
import io.ashspring.migrate.MigrationException;
import io.ashspring.migrate.tenant.TenantMigrationReport;
import io.ashspring.migrate.tenant.TenantMigrator;
import io.ashspring.migrate.tenant.TenantResult;
import io.ashspring.migrate.tenant.TenantSource;
import io.ashspring.runtime.AshRuntime;
import io.ashspring.test.TestDatabase;
import io.ashspring.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant migrations at startup: after the global migrations, every tenant (from a {@link TenantSource} bean, else
 * from the {@code @ManageTenant} records) is migrated; the runtime API; {@code @ManageTenant} wired on the
 * runtime; a failing tenant fails startup or, with {@code fail-on-error=false}, is logged; properties.
 */
class StartupTenantMigrationTests {

    private TestDatabase database;
    private JdbcClient jdbc;

    @BeforeEach
    void freshDatabase() {
        database = TestDatabases.fresh();
        jdbc = JdbcClient.create(database.dataSource());
    }

    private ApplicationContextRunner runner(String... properties) {
        return StartupRunners.on(database, "io.ashspring.autoconfigure.fixtures.tenants")
                .withConfiguration(AutoConfigurations.of(AshTenantMigrationAutoConfiguration.class))
                .withPropertyValues("ash.migrations.mode=generate", "spring.liquibase.enabled=false")
                .withPropertyValues(properties);
    }

    private List<String> tables(String schema) {
        return jdbc.sql("SELECT tablename FROM pg_tables WHERE schemaname = ? ORDER BY tablename").param(schema)
                .query(String.class).list();
    }

    @Test
    void startupMigratesEveryTenantOfTheTenantSourceAfterTheGlobalTables() {
        runner().withBean(TenantSource.class, () -> () -> List.of("acme", "globex")).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(AshTenantMigrations.class);
            assertThat(context.getBean(AshTenantMigrationInitializer.class).report().results())
                    .extracting(TenantResult::status).containsOnly(TenantResult.Status.MIGRATED);
        });
        assertThat(tables("acme")).containsExactly("databasechangelog", "projects");
        assertThat(tables("globex")).containsExactly("databasechangelog", "projects");
        assertThat(tables("public")).contains("organizations").doesNotContain("projects");
    }

    @Test
    void withoutATenantSourceTheTenantsAreTheManageTenantRecords() {
        runner().run(context -> assertThat(context).hasNotFailed()); // creates organizations
        jdbc.sql("INSERT INTO organizations (slug) VALUES ('acme'), ('initech')").update();

        runner().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(AshTenantMigrations.class).tenants()).containsExactlyInAnyOrder("org_acme", "org_initech");
        });

        assertThat(tables("org_acme")).containsExactly("databasechangelog", "projects");
        assertThat(tables("org_initech")).containsExactly("databasechangelog", "projects");
    }

    @Test
    void creatingAManageTenantRecordThroughTheRuntimeCreatesItsSchema() {
        runner().run(context -> {
            assertThat(context).hasNotFailed();
            context.getBean(AshRuntime.class).service(Organization.class).create(Map.of("slug", "newco"));
            assertThat(tables("org_newco")).containsExactly("databasechangelog", "projects");
        });
    }

    @Test
    void theRuntimeApiMigratesOneTenantOrAllAndReportsEach() {
        runner().withBean(TenantSource.class, () -> () -> List.of("acme")).run(context -> {
            AshTenantMigrations migrations = context.getBean(AshTenantMigrations.class);

            assertThat(migrations.migrate("later").status()).isEqualTo(TenantResult.Status.MIGRATED);
            TenantMigrationReport all = migrations.migrateAll();
            assertThat(all.results()).singleElement().satisfies(r -> {
                assertThat(r.tenant()).isEqualTo("acme");
                assertThat(r.status()).isEqualTo(TenantResult.Status.UP_TO_DATE);
            });
        });
        assertThat(tables("later")).contains("projects");
    }

    @Test
    void aFailingTenantFailsStartupNamingItAfterMigratingTheOthers() {
        jdbc.sql("CREATE SCHEMA broken").update();
        jdbc.sql("CREATE TABLE broken.projects (unrelated int)").update();

        runner().withBean(TenantSource.class, () -> () -> List.of("acme", "broken")).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(MigrationException.class)
                    .hasMessageContaining("1 of 2 tenant schemas");
        });
        assertThat(tables("acme")).contains("projects");
    }

    @Test
    void withFailOnErrorOffAFailingTenantIsLoggedAndTheApplicationStarts() {
        jdbc.sql("CREATE SCHEMA broken").update();
        jdbc.sql("CREATE TABLE broken.projects (unrelated int)").update();

        runner("ash.tenancy.migrations.fail-on-error=false").withBean(TenantSource.class, () -> () -> List.of("acme", "broken"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(AshTenantMigrationInitializer.class).report().failedTenants())
                            .containsExactly("broken");
                });
    }

    @Test
    void thePropertiesSetTheParallelismAndDisabledMeansNoTenantMigrations() {
        runner("ash.tenancy.migrations.parallelism=0").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("ash.tenancy.migrations.parallelism"));
        runner("ash.tenancy.migrations.enabled=false").withBean(TenantSource.class, () -> () -> List.of("acme"))
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(AshTenantMigrations.class)
                            .doesNotHaveBean(TenantMigrator.class);
                });
        assertThat(tables("acme")).isEmpty();
    }
}
