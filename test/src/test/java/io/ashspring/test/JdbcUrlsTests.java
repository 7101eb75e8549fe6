package io.ashspring.test;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JdbcUrlsTests {

    @Test
    void replacesTheDatabaseNameAndKeepsHostPortAndQueryParameters() {
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://127.0.0.1:5432/test?user=postgres&ssl=true", "ash_t_x"))
            .isEqualTo("jdbc:postgresql://127.0.0.1:5432/ash_t_x?user=postgres&ssl=true");
    }

    @Test
    void replacesTheDatabaseNameOfAUrlWithoutQueryParameters() {
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db.example.com/app", "ash_t_x"))
            .isEqualTo("jdbc:postgresql://db.example.com/ash_t_x");
    }

    @Test
    void addsADatabaseNameToAUrlWithoutAPath() {
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://localhost:5432", "ash_t_x"))
            .isEqualTo("jdbc:postgresql://localhost:5432/ash_t_x");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://localhost:5432?user=postgres", "ash_t_x"))
            .isEqualTo("jdbc:postgresql://localhost:5432/ash_t_x?user=postgres");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://localhost/?user=postgres", "ash_t_x"))
            .isEqualTo("jdbc:postgresql://localhost/ash_t_x?user=postgres");
    }

    @Test
    void keepsABracketedIpv6Host() {
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://[::1]:5432/test?user=postgres", "ash_t_x"))
            .isEqualTo("jdbc:postgresql://[::1]:5432/ash_t_x?user=postgres");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://[2001:db8::7]/test", "ash_t_x"))
            .isEqualTo("jdbc:postgresql://[2001:db8::7]/ash_t_x");
    }

    @Test
    void keepsAllHostsOfAMultiHostUrl() {
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://h1:5432,h2:5433/test?targetServerType=primary", "ash_t_x"))
            .isEqualTo("jdbc:postgresql://h1:5432,h2:5433/ash_t_x?targetServerType=primary");
    }

    @Test
    void handlesTheFormWithoutHost() {
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql:test?user=postgres", "ash_t_x"))
            .isEqualTo("jdbc:postgresql:ash_t_x?user=postgres");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql:", "ash_t_x")).isEqualTo("jdbc:postgresql:ash_t_x");
    }

    @Test
    void readsTheDatabaseName() {
        assertThat(JdbcUrls.databaseName("jdbc:postgresql://[::1]:5432/my%20db?user=u")).isEqualTo("my db");
        assertThat(JdbcUrls.databaseName("jdbc:postgresql://localhost:5432")).isEmpty();
        assertThat(JdbcUrls.databaseName("jdbc:postgresql:test")).isEqualTo("test");
    }

    @Test
    void readsDecodedQueryParameters() {
        String url = "jdbc:postgresql://localhost/test?user=postgres&password=p%40ss%26word&ssl";
        assertThat(JdbcUrls.queryParameter(url, "user")).isEqualTo("postgres");
        assertThat(JdbcUrls.queryParameter(url, "password")).isEqualTo("p@ss&word");
        assertThat(JdbcUrls.queryParameter(url, "ssl")).isEmpty();
        assertThat(JdbcUrls.queryParameter(url, "sslmode")).isNull();
        assertThat(JdbcUrls.queryParameter("jdbc:postgresql://localhost/test", "user")).isNull();
    }

    @Test
    void theLastOccurrenceOfAParameterWinsAsInPgjdbc() {
        assertThat(JdbcUrls.queryParameter("jdbc:postgresql://h/d?user=a&user=b", "user")).isEqualTo("b");
    }

    @Test
    void redactsPasswords() {
        assertThat(JdbcUrls.redact("jdbc:postgresql://h/d?user=u&password=secret&ssl=true"))
            .isEqualTo("jdbc:postgresql://h/d?user=u&password=****&ssl=true");
        assertThat(JdbcUrls.redact("jdbc:postgresql://h/d?password=secret")).isEqualTo("jdbc:postgresql://h/d?password=****");
        assertThat(JdbcUrls.redact("jdbc:postgresql://h/d?user=u")).isEqualTo("jdbc:postgresql://h/d?user=u");
    }

    @Test
    void rejectsUrlsOfOtherDatabases() {
        assertThatIllegalArgumentException().isThrownBy(() -> JdbcUrls.withDatabase("jdbc:mysql://h/d", "x"))
            .withMessageContaining("jdbc:postgresql:");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> JdbcUrls.withDatabase("jdbc:mysql://h/d?password=secret", "x"))
            .withMessageNotContaining("secret");
    }
}
