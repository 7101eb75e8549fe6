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

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AshProperties.class)
    static class PropertiesConfiguration {

    }

}
