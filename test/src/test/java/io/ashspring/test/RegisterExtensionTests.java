package io.ashspring.test;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RegisterExtensionTests {

    @RegisterExtension
    static PostgresExtension pg = new PostgresExtension("pg_trgm");

    private static TestDatabase fromBeforeAll;

    @BeforeAll
    static void createSchema() {
        fromBeforeAll = pg.database();
        Jdbc.execute(fromBeforeAll.dataSource(), "CREATE TABLE words (word text)");
    }

    @Test
    void theDatabaseIsAvailableFromBeforeAllAndTests(TestDatabase injected) {
        assertThat(pg.database()).isSameAs(fromBeforeAll).isSameAs(injected);
        assertThat(Jdbc.tableCount(pg.database().dataSource())).isEqualTo(1);
    }

    @Test
    void theConstructorExtensionsAreCreated() {
        assertThat(Jdbc.hasExtension(pg.database().dataSource(), "pg_trgm")).isTrue();
        assertThat(Jdbc.queryString(pg.database().dataSource(), "SELECT similarity('ash', 'ash')")).isEqualTo("1");
    }

    @Test
    void anUnusedExtensionInstanceHasNoDatabaseYet() {
        assertThatIllegalStateException().isThrownBy(() -> new PostgresExtension().database())
            .withMessageContaining("@RegisterExtension");
    }

    @Test
    void invalidExtensionNamesAreRejectedUpFront() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PostgresExtension("citext; DROP TABLE x"));
    }
}
