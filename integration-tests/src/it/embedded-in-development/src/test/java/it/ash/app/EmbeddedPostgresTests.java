package it.ash.app;

import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ashspring.error.InvalidException;
import io.ashspring.runtime.ResourceService;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedPostgresTests {

    @Test
    void withNoDatabaseConfiguredTheApplicationRunsOnAnEmbeddedPostgres18WhereNullsNotDistinctWorks() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TagsApplication.class)
                .web(WebApplicationType.NONE).run()) {
            JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
            String version = jdbc.sql("SHOW server_version").query(String.class).single();
            assertTrue(version.startsWith("18."), "embedded PostgreSQL " + version + ", expected 18");
            String index = jdbc.sql("SELECT indexdef FROM pg_indexes WHERE tablename = 'tags' AND indexdef LIKE '%UNIQUE%label%'")
                    .query(String.class).single();
            assertTrue(index.contains("NULLS NOT DISTINCT"), index);

            @SuppressWarnings("unchecked")
            ResourceService<Tag> tags = (ResourceService<Tag>) context.getBeanProvider(
                    ResolvableType.forClassWithGenerics(ResourceService.class, Tag.class)).getObject();
            tags.create(Map.of("label", "urgent"));
            InvalidException taken = assertThrows(InvalidException.class, () -> tags.create(Map.of("label", "urgent")));
            assertTrue(taken.getMessage().contains("label"), taken.getMessage());
            assertEquals(1, jdbc.sql("SELECT count(*) FROM tags").query(Integer.class).single());
        }
    }
}
