package io.ashspring.autoconfigure.schema;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.test.context.support.TestPropertySourceUtils;

import static org.assertj.core.api.Assertions.assertThat;

class LiquibaseChangelogEnvironmentPostProcessorTests {

    private final LiquibaseChangelogEnvironmentPostProcessor processor = new LiquibaseChangelogEnvironmentPostProcessor();

    private StandardEnvironment process(String... properties) {
        StandardEnvironment environment = new StandardEnvironment();
        TestPropertySourceUtils.addInlinedPropertiesToEnvironment(environment, properties);
        processor.postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void turnsSpringBootsLiquibaseOffWhileThereIsNoMasterChangelog() {
        assertThat(process().getProperty("spring.liquibase.enabled")).isEqualTo("false");
    }

    @Test
    void leavesItOnWhenTheChangelogExists() {
        assertThat(process("spring.liquibase.change-log=classpath:/db/test-master.yaml")
                .getProperty("spring.liquibase.enabled")).isNull();
    }

    @Test
    void generateModeTurnsItOffEvenWhenTheChangelogExists() {
        assertThat(process("spring.liquibase.change-log=classpath:/db/test-master.yaml", "ash.migrations.mode=generate")
                .getProperty("spring.liquibase.enabled")).isEqualTo("false");
    }

    @Test
    void verifyModeLeavesItOnToApplyTheChangelogsOnceVerified() {
        assertThat(process("spring.liquibase.change-log=classpath:/db/test-master.yaml", "ash.migrations.mode=verify")
                .getProperty("spring.liquibase.enabled")).isNull();
    }

    @Test
    void noneModeTurnsItOff() {
        assertThat(process("spring.liquibase.change-log=classpath:/db/test-master.yaml", "ash.migrations.mode=none")
                .getProperty("spring.liquibase.enabled")).isEqualTo("false");
    }

    @Test
    void applyModeLeavesItOnSoThatAMissingChangelogIsReported() {
        assertThat(process("ash.migrations.mode=apply").getProperty("spring.liquibase.enabled")).isNull();
    }

    @Test
    void anUnknownModeIsAClearError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> process("ash.migrations.mode=sometimes"))
                .hasMessageContaining("ash.migrations.mode=sometimes is not a mode: use apply, generate, verify or none");
    }

    @Test
    void theApplicationsOwnSettingWins() {
        assertThat(process("spring.liquibase.enabled=true").getProperty("spring.liquibase.enabled")).isEqualTo("true");
    }
}
