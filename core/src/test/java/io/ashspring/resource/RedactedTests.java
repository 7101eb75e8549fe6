package io.ashspring.resource;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactedTests {

    @Resource(table = "users")
    record User(@PrimaryKey UUID id, String name, @Attribute(sensitive = true) String apiToken, byte[] avatar) {
        @Override
        public String toString() {
            return Redacted.toString(this);
        }
    }

    @Test
    void sensitiveAttributesAreRedactedFromToString() {
        UUID id = UUID.randomUUID();
        String text = new User(id, "Ann", "s3cr3t-token", new byte[] {1, 2, 3}).toString();
        assertThat(text).isEqualTo("User[id=" + id + ", name=Ann, apiToken=**redacted**, avatar=byte[3]]");
        assertThat(text).doesNotContain("s3cr3t");
    }

    @Resource(table = "keys")
    record ApiKey(@PrimaryKey UUID id, String secret) {
        static void configure(ResourceSpec<ApiKey> spec) {
            spec.attribute("secret").sensitive(true);
        }

        @Override
        public String toString() {
            return Redacted.toString(this);
        }
    }

    @Test
    void attributesMadeSensitiveInTheConfigureHookAreRedactedToo() {
        ResourceRegistry.of(ApiKey.class);
        assertThat(new ApiKey(UUID.randomUUID(), "hunter2").toString()).endsWith("secret=**redacted**]").doesNotContain("hunter2");
    }

    @Test
    void theModelRedactsSensitiveValuesInDescriptions() {
        var model = ResourceRegistry.of(User.class).resource(User.class);
        assertThat(model.requireAttribute("apiToken").describe("s3cr3t")).isEqualTo(Redacted.MASK);
        assertThat(model.requireAttribute("name").describe("Ann")).isEqualTo("Ann");
    }
}
