package io.ashspring.test;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IdentifiersTests {

    @Test
    void randomNamesAreLowercaseAndCarryThePrefix() {
        String name = Identifiers.randomName(Identifiers.DATABASE_PREFIX);
        assertThat(name).matches("ash_t_[a-z0-9]{12}");
        assertThat(Identifiers.randomName(Identifiers.DATABASE_PREFIX)).isNotEqualTo(name);
    }

    @Test
    void quotesValidDatabaseNames() {
        assertThat(Identifiers.quoteDatabase("ash_t_abc123")).isEqualTo("\"ash_t_abc123\"");
    }

    @Test
    void rejectsDatabaseNamesOutsideTheStrictPattern() {
        for (String bad : new String[] {"", "Ash", "a\"b", "a b", "a;drop", "a-b", "x".repeat(64)}) {
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> Identifiers.quoteDatabase(bad));
        }
        assertThatIllegalArgumentException().isThrownBy(() -> Identifiers.quoteDatabase(null));
    }

    @Test
    void acceptsCommonExtensionNamesAndRejectsOthers() {
        assertThat(Identifiers.quoteExtension("uuid-ossp")).isEqualTo("\"uuid-ossp\"");
        assertThat(Identifiers.extensions(List.of("citext", "pg_trgm", "citext"))).containsExactly("citext", "pg_trgm");
        assertThatIllegalArgumentException().isThrownBy(() -> Identifiers.quoteExtension("citext\"; drop"));
        assertThatIllegalArgumentException().isThrownBy(() -> Identifiers.quoteExtension("CITEXT"));
        assertThatIllegalArgumentException().isThrownBy(() -> Identifiers.quoteExtension("-x"));
    }
}
