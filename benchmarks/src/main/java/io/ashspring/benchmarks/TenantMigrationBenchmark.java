package io.ashspring.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import com.zaxxer.hikari.HikariDataSource;

import io.ashspring.migrate.codegen.CodegenOptions;
import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.migrate.tenant.TenantChangelog;
import io.ashspring.migrate.tenant.TenantMigrationReport;
import io.ashspring.migrate.tenant.TenantMigrator;
import io.ashspring.resource.ResourceRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import liquibase.Contexts;
import liquibase.Liquibase;
import liquibase.changelog.FastCheckService;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.DirectoryResourceAccessor;

/**
 * Tenant schema migrations (issue 8: 1,000 tenant schemas × 20 tables on 2 cores, target under 60 s), beside the
 * baseline of running Liquibase once per schema, sequentially, in the same JVM against the same embedded PostgreSQL.
 *
 * <ul>
 *   <li>{@link #ashTenantMigrator()}: {@link TenantMigrator} with parallelism 2 over {@link #tenants} new tenants:
 *       each schema created and the tenant changelog (20 tables: 10 with a unique identity, 10 with a foreign key to
 *       the one before and its index, written by {@code ash:codegen}'s tenant tree) applied by the fast path.</li>
 *   <li>{@link #liquibasePerSchema()}: for {@link #baselineTenants} new tenants, one after the other: the schema
 *       created, then {@code new Liquibase(master, accessor, database)} with {@code ${tenantSchema}} set, the default
 *       and Liquibase schemas set to the tenant, and {@code update()}; Liquibase's {@code FastCheckService} cache
 *       cleared before each (otherwise it skips every tenant after the first). Extrapolate it per tenant.</li>
 * </ul>
 *
 * One measured run of each per fork (a run takes seconds, and each uses new tenant names); the JVM is warmed at
 * setup by migrating 20 tenants both ways. Each run checks that every tenant succeeded.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(1)
public class TenantMigrationBenchmark {

    static final int TABLES = 20;

    /** The tenants the Ash migrator migrates per run. */
    @Param("1000")
    public int tenants;

    /** The tenants the sequential Liquibase baseline migrates per run (its time per tenant is what compares). */
    @Param("50")
    public int baselineTenants;

    private EmbeddedPostgres postgres;
    private HikariDataSource pool;
    private Path project;
    private GeneratedResources resources;
    private TenantChangelog changelog;
    private int run;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        pool = io.ashspring.benchmarks.Database.pool(postgres);
        project = Files.createTempDirectory("ash-tenant-benchmark");
        resources = GeneratedResources.compile(TABLES, project, "@Multitenancy(strategy = Multitenancy.Strategy.CONTEXT)");
        ResourceRegistry registry = ResourceRegistry.of(resources.types());
        new MigrationGenerator(CodegenOptions.defaults().withChangelogDirectory(project.resolve("db/changelog")).withName("initial"))
                .forTenants().generate(registry);
        changelog = TenantChangelog.fromDirectory(project, "db/changelog/tenants/db.changelog-master.yaml");
        migrateWithAsh(names("warm", 20));
        migrateWithLiquibase(names("warm_lb", 20));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        resources.close();
        pool.close();
        postgres.close();
    }

    @Benchmark
    public TenantMigrationReport ashTenantMigrator() {
        return migrateWithAsh(names("ash" + (run++), tenants));
    }

    @Benchmark
    public int liquibasePerSchema() throws Exception {
        return migrateWithLiquibase(names("lb" + (run++), baselineTenants));
    }

    private TenantMigrationReport migrateWithAsh(List<String> names) {
        TenantMigrationReport report = new TenantMigrator(pool, changelog).withParallelism(2).migrate(names);
        if (!report.succeeded() || report.results().stream().anyMatch(r -> r.applied() < TABLES)) {
            throw new IllegalStateException("The tenant migration did not migrate every tenant: " + report.summary());
        }
        return report;
    }

    private int migrateWithLiquibase(List<String> names) throws SQLException, LiquibaseException, IOException {
        for (String tenant : names) {
            try (Connection connection = pool.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE SCHEMA \"" + tenant + "\"");
                }
                Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
                database.setDefaultSchemaName(tenant);
                database.setLiquibaseSchemaName(tenant);
                liquibase.Scope.getCurrentScope().getSingleton(FastCheckService.class).clearCache();
                Liquibase liquibase = new Liquibase("db/changelog/tenants/db.changelog-master.yaml",
                        new DirectoryResourceAccessor(project), database);
                liquibase.getChangeLogParameters().set("tenantSchema", tenant);
                liquibase.update(new Contexts());
            }
        }
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT count(*) FROM \"" + names.get(names.size() - 1) + "\".databasechangelog")) {
            rows.next();
            if (rows.getInt(1) < TABLES) {
                throw new IllegalStateException("Liquibase did not migrate " + names.get(names.size() - 1));
            }
        }
        return names.size();
    }

    private static List<String> names(String prefix, int count) {
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(prefix + "_t" + i);
        }
        return names;
    }
}
