package io.ashspring.test;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServerLocatorTests {

    @Test
    void blankAndUnresolvedMavenPlaceholdersCountAsUnset() {
        assertThat(ServerLocator.isUnset(null)).isTrue();
        assertThat(ServerLocator.isUnset("  ")).isTrue();
        // What surefire passes on when the root pom's ${env.ASH_TEST_JDBC_URL} is not defined.
        assertThat(ServerLocator.isUnset("${env.ASH_TEST_JDBC_URL}")).isTrue();
        assertThat(ServerLocator.isUnset("jdbc:postgresql://127.0.0.1:5432/test?user=postgres")).isFalse();
    }
}
