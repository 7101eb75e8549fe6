package io.ashspring.autoconfigure.embedded;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.support.EnvironmentPostProcessorsFactory;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EmbeddedPostgresLoggingEnvironmentPostProcessor}.
 */
class EmbeddedPostgresLoggingEnvironmentPostProcessorTests {

    private final StandardEnvironment environment = new StandardEnvironment();

    private final SpringApplication application = new SpringApplication();

    @Test
    void isRegisteredInSpringFactories() {
        // Loaded the way SpringApplication loads them, which also proves the class can be instantiated.
        List<EnvironmentPostProcessor> postProcessors = EnvironmentPostProcessorsFactory
                .fromSpringFactories(getClass().getClassLoader())
                .getEnvironmentPostProcessors(Supplier::get, new DefaultBootstrapContext());
        assertThat(postProcessors).hasAtLeastOneElementOfType(EmbeddedPostgresLoggingEnvironmentPostProcessor.class);
    }

    @Test
    void quietsZonkyByDefault() {
        postProcess();
        assertThat(this.environment.getProperty("logging.level.io.zonky")).isEqualTo("WARN");
    }

    @Test
    void keepsTheLevelTheApplicationSets() {
        withProperty("logging.level.io.zonky", "DEBUG");
        postProcess();
        assertThat(this.environment.getProperty("logging.level.io.zonky")).isEqualTo("DEBUG");
    }

    @Test
    void leavesZonkyAloneWhenTheEmbeddedServerIsDisabled() {
        withProperty("ash.embedded.enabled", "false");
        postProcess();
        assertThat(this.environment.containsProperty("logging.level.io.zonky")).isFalse();
    }

    @Test
    void leavesZonkyAloneWhenADataSourceUrlIsSet() {
        withProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/test");
        postProcess();
        assertThat(this.environment.containsProperty("logging.level.io.zonky")).isFalse();
    }

    @Test
    void leavesZonkyAloneWhenEmbeddedPostgresIsNotOnTheClassPath() {
        this.application.setResourceLoader(new DefaultResourceLoader(
                new FilteredClassLoader(EmbeddedPostgres.class)));
        postProcess();
        assertThat(this.environment.containsProperty("logging.level.io.zonky")).isFalse();
    }

    private void withProperty(String name, String value) {
        this.environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(name, value)));
    }

    private void postProcess() {
        new EmbeddedPostgresLoggingEnvironmentPostProcessor().postProcessEnvironment(this.environment,
                this.application);
    }

}
