package io.ashspring.test;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TestDatabasesTests {

    @Test
    void freshReturnsANewEmptyDatabaseEachTime() {
        TestDatabase first = TestDatabases.fresh();
        TestDatabase second = TestDatabases.fresh();

        assertThat(first.databaseName()).isNotEqualTo(second.databaseName());
        Jdbc.execute(first.dataSource(), "CREATE TABLE only_in_first (id int)");
        assertThat(Jdbc.tableCount(first.dataSource())).isEqualTo(1);
        assertThat(Jdbc.tableCount(second.dataSource())).isZero();
    }

    @Test
    void freshCreatesTheRequestedExtensions() {
        TestDatabase database = TestDatabases.fresh("citext", "pg_trgm");

        assertThat(Jdbc.hasExtension(database.dataSource(), "citext")).isTrue();
        assertThat(Jdbc.hasExtension(database.dataSource(), "pg_trgm")).isTrue();
    }

    @Test
    void anUnknownExtensionFailsWithItsName() {
        assertThatIllegalStateException().isThrownBy(() -> TestDatabases.fresh("no_such_extension_ash"))
            .withMessageContaining("no_such_extension_ash");
    }

    @Test
    void anInvalidExtensionNameIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> TestDatabases.fresh("x\"; DROP DATABASE postgres; --"));
    }

    @Test
    void eachCallToDataSourceReturnsANewConfiguredInstance() {
        TestDatabase database = TestDatabases.fresh();

        assertThat(database.dataSource()).isNotSameAs(database.dataSource());
        assertThat(database.dataSource().getURL()).contains(database.databaseName());
        assertThat(database.dataSource().getUser()).isEqualTo(database.username());
    }

    @Test
    void toStringNeverShowsThePassword() {
        TestDatabase database = new TestDatabase("jdbc:postgresql://h:5432/ash_t_x?user=u&password=s3cr3t&ssl=true", "u",
                "s3cr3t", "ash_t_x", 180006, TestDatabase.Source.EXTERNAL);

        assertThat(database.toString()).doesNotContain("s3cr3t")
            .contains("ash_t_x", "user=u", "password=****", "EXTERNAL", "180006");
        assertThat(database.password()).isEqualTo("s3cr3t");
    }

    @Test
    void toStringOfARealDatabaseIsReadable() {
        TestDatabase database = TestDatabases.fresh();

        assertThat(database.toString()).contains(database.databaseName(), database.source().name());
        assertThat(database.toString()).contains("password=" + (database.password() == null ? "null" : "****"));
    }
}
