package io.ashspring.migrate.tenant;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;

import io.ashspring.migrate.MigrationException;
import io.ashspring.migrate.MigrationHints;
import io.ashspring.migrate.TableModel;
import io.ashspring.migrate.codegen.InMemoryMigration;
import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.migrate.liquibase.TenantSchemaParameter;
import io.ashspring.migrate.state.RecordedState;
import io.ashspring.resource.ResourceRegistry;

import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.core.PostgresDatabase;
import liquibase.exception.LiquibaseException;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;

/**
 * The changelog every tenant schema runs: the tenant tree {@code ash:codegen} writes
 * ({@code db/changelog/tenants/db.changelog-master.yaml}, its schema the Liquibase parameter
 * {@code ${tenantSchema}}), or, for tests and tools, one built in memory from the resources.
 *
 * <pre>{@code
 * TenantChangelog changelog = TenantChangelog.fromClasspath(TenantChangelog.DEFAULT_LOCATION);
 * new TenantMigrator(dataSource, changelog).migrate(List.of("acme", "globex"));
 * }</pre>
 *
 * Each {@link #load()} gives a fresh copy with the placeholder schema {@link TableModel#TENANT_SCHEMA} in place of
 * the parameter; the migrator fills it in per tenant.
 */
public final class TenantChangelog {

    /** Where {@code ash:codegen} writes the tenant master changelog, on the classpath. */
    public static final String DEFAULT_LOCATION = "classpath:/db/changelog/" + MigrationGenerator.TENANTS_FOLDER + "/"
            + io.ashspring.migrate.liquibase.MasterChangelog.FILE_NAME;

    /** The changelog path Liquibase records for the changesets of {@link #of(ResourceRegistry)}. */
    public static final String IN_MEMORY_PATH = "ash/tenant-schema";

    private final String description;
    private final ResourceAccessor accessor;
    private final Supplier<DatabaseChangeLog> loader;
    private final boolean exists;

    private TenantChangelog(String description, ResourceAccessor accessor, Supplier<DatabaseChangeLog> loader, boolean exists) {
        this.description = description;
        this.accessor = accessor;
        this.loader = loader;
        this.exists = exists;
    }

    /** The master changelog at this classpath location ({@code classpath:} prefix optional), read with this class's loader. */
    public static TenantChangelog fromClasspath(String location) {
        return fromClasspath(location, TenantChangelog.class.getClassLoader());
    }

    /** The master changelog at this classpath location, read with this class loader. */
    public static TenantChangelog fromClasspath(String location, ClassLoader classLoader) {
        String path = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        String file = path;
        ResourceAccessor accessor = new ClassLoaderResourceAccessor(classLoader);
        return new TenantChangelog("classpath:" + file, accessor, () -> parse(accessor, file), classLoader.getResource(file) != null);
    }

    /**
     * The master changelog at {@code path} under {@code root}: {@code root} is the classpath's root
     * ({@code src/main/resources}), so that Liquibase records the paths the application records.
     */
    public static TenantChangelog fromDirectory(Path root, String path) {
        try {
            ResourceAccessor accessor = new DirectoryResourceAccessor(root);
            return new TenantChangelog(root.resolve(path).toString(), accessor, () -> parse(accessor, path),
                    java.nio.file.Files.exists(root.resolve(path)));
        } catch (IOException e) {
            throw new MigrationException("Could not read the tenant changelogs under " + root, e);
        }
    }

    /**
     * The tenant tables of the resources, from an empty state, in memory (recorded under {@value #IN_MEMORY_PATH},
     * changeset ids from the model): for tests, benchmarks and new tenant schemas of resources that have no
     * generated tenant changelogs. Applying it to a schema made by another version of the resources fails: an
     * application generates its tenant changelogs with {@code ash:codegen}.
     */
    public static TenantChangelog of(ResourceRegistry registry) {
        TableModel model = TableModel.forTenants(registry);
        MigrationHints hints = MigrationHints.from(registry);
        InMemoryMigration probe = MigrationGenerator.inMemory(RecordedState.empty(), model, hints, IN_MEMORY_PATH, "probe");
        String runId = "tenant-schema-" + Integer.toHexString(probe.stateJson().hashCode());
        return new TenantChangelog("the tenant tables of " + registry.resources().size() + " resources (in memory)",
                new ClassLoaderResourceAccessor(),
                () -> MigrationGenerator.inMemory(RecordedState.empty(), model, hints, IN_MEMORY_PATH, runId).changelog(), true);
    }

    /** Whether the changelog exists (a classpath or file changelog may not have been generated yet). */
    public boolean exists() {
        return exists;
    }

    /** A fresh copy of the changelog, with {@link TableModel#TENANT_SCHEMA} where the tenant's schema goes. */
    public DatabaseChangeLog load() {
        return loader.get();
    }

    /** Where Liquibase reads what the changelog includes. */
    ResourceAccessor accessor() {
        return accessor;
    }

    /** Where the changelog comes from. */
    @Override
    public String toString() {
        return description;
    }

    private static DatabaseChangeLog parse(ResourceAccessor accessor, String path) {
        System.setProperty("liquibase.analytics.enabled", System.getProperty("liquibase.analytics.enabled", "false"));
        try {
            ChangeLogParameters parameters = new ChangeLogParameters(new PostgresDatabase());
            parameters.set(TenantSchemaParameter.NAME, TableModel.TENANT_SCHEMA);
            return ChangeLogParserFactory.getInstance().getParser(path, accessor).parse(path, parameters, accessor);
        } catch (LiquibaseException e) {
            throw new MigrationException("Could not read the tenant changelog " + path + ": " + e.getMessage()
                    + ". Fix: generate it with ./mvnw ash:codegen, or point ash.tenancy.migrations.change-log at it", e);
        }
    }
}
