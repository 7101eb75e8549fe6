package io.ashspring.autoconfigure;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for binding {@link AshProperties}.
 */
class AshPropertiesTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withUserConfiguration(PropertiesConfiguration.class);

    @Test
    void defaultsStartATemporaryEmbeddedServerOnAFreePortAndScanTheApplicationPackage() {
        this.contextRunner.run((context) -> {
            AshProperties properties = context.getBean(AshProperties.class);
            assertThat(properties.getEmbedded().isEnabled()).isTrue();
            assertThat(properties.getEmbedded().getDataDirectory()).isNull();
            assertThat(properties.getEmbedded().getPort()).isZero();
            assertThat(properties.getEmbedded().getServerConfig()).isEmpty();
            assertThat(properties.getResources().getPackages()).isEmpty();
        });
    }

    @Test
    void bindsEmbeddedServerSettings() {
        this.contextRunner
                .withPropertyValues("ash.embedded.enabled=false", "ash.embedded.data-directory=build/pgdata",
                        "ash.embedded.port=54321", "ash.embedded.server-config.shared_buffers=64MB",
                        "ash.embedded.server-config[auto_explain.log_min_duration]=100ms")
                .run((context) -> {
                    AshProperties.Embedded embedded = context.getBean(AshProperties.class).getEmbedded();
                    assertThat(embedded.isEnabled()).isFalse();
                    assertThat(embedded.getDataDirectory()).isEqualTo(Path.of("build/pgdata"));
                    assertThat(embedded.getPort()).isEqualTo(54321);
                    assertThat(embedded.getServerConfig()).containsEntry("shared_buffers", "64MB")
                            .containsEntry("auto_explain.log_min_duration", "100ms");
                });
    }

    @Test
    void bindsResourcePackages() {
        this.contextRunner.withPropertyValues("ash.resources.packages=com.example.shop,com.example.billing")
                .run((context) -> assertThat(context.getBean(AshProperties.class).getResources().getPackages())
                        .containsExactly("com.example.shop", "com.example.billing"));
    }

    @Test
    void bindsReadReplicasWithTheirPoolsAndDefaults() {
        this.contextRunner.withPropertyValues("ash.datasource.replicas[0].url=jdbc:postgresql://replica-1/app",
                "ash.datasource.replicas[1].url=jdbc:postgresql://replica-2/app", "ash.datasource.replicas[1].username=reader",
                "ash.datasource.replicas[1].max-lag=3s", "ash.datasource.replicas[1].hikari.minimumIdle=2",
                "ash.datasource.read-your-writes=application", "ash.embedded.replicas=2")
                .run((context) -> {
                    AshProperties properties = context.getBean(AshProperties.class);
                    AshProperties.Datasource datasource = properties.getDatasource();
                    assertThat(datasource.getReadYourWrites()).isEqualTo(io.ashspring.runtime.replica.ReadYourWrites.APPLICATION);
                    assertThat(datasource.getReplicaCheckInterval()).isEqualTo(java.time.Duration.ofSeconds(1));
                    assertThat(datasource.getReplicas()).hasSize(2);
                    AshProperties.Datasource.Replica first = datasource.getReplicas().get(0);
                    assertThat(first.getUrl()).isEqualTo("jdbc:postgresql://replica-1/app");
                    assertThat(first.getUsername()).isNull();
                    assertThat(first.getMaxLag()).isEqualTo(java.time.Duration.ofSeconds(10));
                    assertThat(first.getConnectionTimeout()).isEqualTo(java.time.Duration.ofSeconds(1));
                    AshProperties.Datasource.Replica second = datasource.getReplicas().get(1);
                    assertThat(second.getUsername()).isEqualTo("reader");
                    assertThat(second.getMaxLag()).isEqualTo(java.time.Duration.ofSeconds(3));
                    assertThat(second.getHikari()).containsEntry("minimumIdle", "2");
                    assertThat(properties.getEmbedded().getReplicas()).isEqualTo(2);
                });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AshProperties.class)
    static class PropertiesConfiguration {

    }

}
