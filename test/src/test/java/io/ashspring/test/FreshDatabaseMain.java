package io.ashspring.test;

/** Run in a child JVM by {@link ExternalServerTests}: creates a database, prints its and the template's name, exits. */
public final class FreshDatabaseMain {

    private FreshDatabaseMain() {
    }

    public static void main(String[] args) {
        TestDatabase database = TestDatabases.fresh();
        System.out.println("DATABASE=" + database.databaseName());
        System.out.println("DATABASE=" + DatabaseFactory.shared().templateName());
    }
}
