package io.ashspring.runtime;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ashspring.error.MissingExtensionException;
import io.ashspring.expr.SortKey;
import io.ashspring.fixtures.query.Catalog;
import io.ashspring.fixtures.query.Maker;
import io.ashspring.fixtures.query.Product;
import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.query.Query;
import io.ashspring.resource.Attribute;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Resource;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.test.PostgresTest;
import io.ashspring.test.TestDatabase;
import io.ashspring.test.TestDatabases;

import static io.ashspring.expr.Expressions.cosineDistance;
import static io.ashspring.expr.Expressions.gt;
import static io.ashspring.expr.Expressions.l2Distance;
import static io.ashspring.expr.Expressions.lt;
import static io.ashspring.expr.Expressions.trigramSimilarity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Functions that come from extensions say which extension to install when the database lacks it
 * (PostgreSQL's undefined_function / undefined_object), and work where it is installed.
 */
@PostgresTest
class ExtensionTests {

    static ResourceService<Maker> makers;
    static ResourceService<Product> products;

    @BeforeAll
    static void withoutExtensions(TestDatabase database) {
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        // a fresh database of our own: make sure a server-wide template did not bring them
        jdbc.sql("DROP EXTENSION IF EXISTS pg_trgm").update();
        jdbc.sql("DROP EXTENSION IF EXISTS vector").update();
        AshRuntime ash = Databases.runtime(database, Catalog.registry());
        makers = ash.service(Maker.class);
        products = ash.service(Product.class);
        makers.create(Map.of("name", "fred"));
        products.create(Map.of("name", "Robot", "description", "[1,2,3]"));
    }

    @Test
    void trigramSimilarityWithoutPgTrgmSaysToInstallIt() {
        MissingExtensionException error = catchThrowableOfType(MissingExtensionException.class,
                () -> makers.read(Query.all().filter(gt(trigramSimilarity("name", "fred"), 0.8))));
        assertThat(error.extensions()).containsExactly("pg_trgm");
        assertThat(error.getMessage()).isEqualTo("trigram_similarity needs the PostgreSQL extension pg_trgm, which this "
                + "database does not have: install pg_trgm (CREATE EXTENSION IF NOT EXISTS pg_trgm)");
        assertThat(error.getCause().getMessage()).contains("similarity");
    }

    @Test
    void vectorDistancesWithoutPgvectorSayToInstallIt() {
        MissingExtensionException error = catchThrowableOfType(MissingExtensionException.class,
                () -> products.read(Query.all().sort(SortKey.asc(cosineDistance("description", new float[] {1, 2, 3})))));
        assertThat(error.extensions()).containsExactly("vector");
        assertThat(error.getMessage()).startsWith("cosine_distance needs the PostgreSQL extension vector")
                .contains("install vector");
        assertThat(catchThrowableOfType(MissingExtensionException.class,
                () -> products.read(Query.all().filter(lt(l2Distance("description", List.of(1, 2, 3)), 1)))).getMessage())
                .startsWith("l2_distance needs the PostgreSQL extension vector");
    }

    @Resource(table = "embeddings")
    record Embedding(@PrimaryKey UUID id, String label, @Attribute(columnType = "vector(3)") String embedding) {
    }

    @Test
    void vectorDistancesSortAndFilterWherePgvectorIsInstalled() {
        TestDatabase database = TestDatabases.fresh();
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        assumeTrue(jdbc.sql("SELECT count(*) FROM pg_available_extensions WHERE name = 'vector'").query(Long.class)
                .single() > 0, "pgvector is not available on this server");
        jdbc.sql("CREATE EXTENSION IF NOT EXISTS vector").update();
        ResourceRegistry registry = ResourceRegistry.of(Embedding.class);
        MigrationGenerator.createSchema(database.dataSource(), registry);
        for (Object[] row : List.of(new Object[] {"x", "[1,0,0]"}, new Object[] {"y", "[0,1,0]"},
                new Object[] {"xy", "[1,1,0]"})) {
            jdbc.sql("INSERT INTO embeddings (id, label, embedding) VALUES (gen_random_uuid(), ?, CAST(? AS vector))")
                    .params(row[0], row[1]).update();
        }
        ResourceService<Embedding> embeddings = AshRuntime.of(registry, database.dataSource()).service(Embedding.class);
        assertThat(embeddings.read(Query.all().sort(SortKey.asc(cosineDistance("embedding", new float[] {1, 0.1f, 0})))))
                .extracting(Embedding::label).containsExactly("x", "xy", "y");
        assertThat(embeddings.read(Query.all().filter(lt(l2Distance("embedding", List.of(0, 1, 0)), 0.5))))
                .extracting(Embedding::label).containsExactly("y");
    }
}
