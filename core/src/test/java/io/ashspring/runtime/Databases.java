package io.ashspring.runtime;

import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.test.TestDatabase;

/** Creates the schema of a registry in a test database and hands out a runtime over it. */
final class Databases {

    private Databases() {
    }

    static AshRuntime runtime(TestDatabase database, ResourceRegistry registry) {
        MigrationGenerator.createSchema(database.dataSource(), registry);
        return AshRuntime.of(registry, database.dataSource());
    }
}
