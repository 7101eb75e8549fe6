package io.ashspring.runtime;

import io.ashspring.migrate.LiquibaseMigrator;
import io.ashspring.migrate.StartupChangelog;
import io.ashspring.migrate.TableModel;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.test.TestDatabase;

/** Creates the schema of a registry in a test database and hands out a runtime over it. */
final class Databases {

    private Databases() {
    }

    static AshRuntime runtime(TestDatabase database, ResourceRegistry registry) {
        LiquibaseMigrator.apply(database.dataSource(), StartupChangelog.of(TableModel.from(registry)));
        return AshRuntime.of(registry, database.dataSource());
    }
}
