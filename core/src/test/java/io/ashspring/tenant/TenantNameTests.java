package io.ashspring.tenant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.ashspring.error.InvalidTenantException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which tenant names may become schema names. */
class TenantNameTests {

    @ParameterizedTest
    @ValueSource(strings = {"acme", "org_42", "Tenant-7", "a", "123e4567-e89b-12d3-a456-426614174000"})
    void acceptsPlainNames(String name) {
        assertThat(TenantName.of(name).value()).isEqualTo(name);
        assertThat(TenantName.isValid(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "acme; DROP SCHEMA public", "a\"b", "a.b", "ümlaut", "white space", "pg_catalog",
            "PG_toast", "public", "information_schema", "new\nline", "x'--"})
    void refusesNamesThatCouldNotBeSafeSchemas(String name) {
        assertThat(TenantName.isValid(name)).isFalse();
        assertThatThrownBy(() -> TenantName.of(name))
                .isInstanceOf(InvalidTenantException.class)
                .hasMessageStartingWith("Invalid tenant '")
                .hasMessageContaining("use a name of ASCII letters, digits");
    }

    @Test
    void refusesNullAndNamesPostgresWouldTruncate() {
        assertThatThrownBy(() -> TenantName.of(null)).hasMessageContaining("Invalid tenant null: it is empty");
        assertThat(TenantName.isValid("a".repeat(63))).isTrue();
        assertThatThrownBy(() -> TenantName.of("a".repeat(64))).hasMessageContaining("is longer than 63 bytes");
    }

    @Test
    void controlCharactersAreShownEscaped() {
        assertThatThrownBy(() -> TenantName.of("a\nb")).hasMessageContaining("'a\\u000ab'");
    }
}
