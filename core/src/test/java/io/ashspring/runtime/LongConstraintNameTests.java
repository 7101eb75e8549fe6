package io.ashspring.runtime;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ashspring.error.FieldError;
import io.ashspring.error.InvalidException;
import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.resource.Attribute;
import io.ashspring.resource.BelongsTo;
import io.ashspring.resource.HasMany;
import io.ashspring.resource.Identity;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Ref;
import io.ashspring.resource.Resource;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.resource.model.ConstraintNames;
import io.ashspring.test.PostgresTest;
import io.ashspring.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Derived constraint names longer than PostgreSQL's 63 bytes: PostgreSQL would cut them silently and the
 * violations would no longer map back to fields, so {@link ConstraintNames} shortens them the same way for the
 * migration and for the error mapping.
 */
@PostgresTest
class LongConstraintNameTests {

    static final String ADJUSTMENTS = "warehouse_inventory_adjustments_pending_review";
    static final String NOTES = "storage_location_notes_kept_for_the_regional_audit";

    @Resource(table = "storage_locations")
    record Location(
            @PrimaryKey UUID id,
            String name,
            @HasMany(table = NOTES, destinationAttribute = "subjectId") List<Note> notes) {
    }

    @Resource(table = ADJUSTMENTS)
    @Identity(name = "one_adjustment_per_reference_code", keys = "referenceCode")
    record Adjustment(
            @PrimaryKey UUID id,
            String referenceCode,
            @BelongsTo Ref<Location, UUID> storageLocationOfOrigin) {
    }

    @Resource(polymorphic = true)
    record Note(@PrimaryKey UUID id, @Attribute(allowNil = false) UUID subjectId, String body) {
    }

    static final ResourceRegistry REGISTRY = ResourceRegistry.of(Location.class, Adjustment.class, Note.class);
    static AshRuntime ash;
    static JdbcClient jdbc;

    @BeforeAll
    static void schema(TestDatabase database) {
        MigrationGenerator.createSchema(database.dataSource(), REGISTRY);
        ash = AshRuntime.of(REGISTRY, database.dataSource());
        jdbc = JdbcClient.create(database.dataSource());
    }

    private static List<String> constraints(String table) {
        return jdbc.sql("SELECT conname FROM pg_constraint WHERE conrelid = ?::regclass AND contype IN ('p', 'f') "
                + "UNION SELECT indexname FROM pg_indexes WHERE tablename = ? ORDER BY 1").params(table, table)
                .query(String.class).list();
    }

    @Test
    void theDatabaseHasTheShortenedNamesWhole() {
        String foreignKey = ConstraintNames.foreignKey(ADJUSTMENTS, "storage_location_of_origin_id");
        String identity = ConstraintNames.identityIndex(ADJUSTMENTS, "one_adjustment_per_reference_code");
        String noteKey = ConstraintNames.foreignKey(NOTES, "subject_id");
        assertThat(List.of(foreignKey, identity, noteKey)).allSatisfy(name -> assertThat(name).hasSizeLessThanOrEqualTo(63));
        assertThat(foreignKey).startsWith(ADJUSTMENTS + "_st").matches(".*_[0-9a-f]{8}_fkey");
        assertThat(constraints(ADJUSTMENTS)).contains(ADJUSTMENTS + "_pkey", foreignKey, identity);
        assertThat(constraints(NOTES)).contains(NOTES + "_pkey", noteKey);
    }

    @Test
    void violationsOfConstraintsWithShortenedNamesBecomeFieldErrors() {
        ResourceService<Adjustment> adjustments = ash.service(Adjustment.class);
        adjustments.create(Map.of("referenceCode", "R-1"));

        InvalidException taken = catchThrowableOfType(InvalidException.class,
                () -> adjustments.create(Map.of("referenceCode", "R-1")));
        assertThat(taken.errors()).containsExactly(new FieldError("referenceCode", "has already been taken", "unique"));

        InvalidException missing = catchThrowableOfType(InvalidException.class,
                () -> adjustments.create(Map.of("referenceCode", "R-2", "storageLocationOfOrigin", UUID.randomUUID())));
        assertThat(missing.errors()).containsExactly(new FieldError("storageLocationOfOriginId", "does not exist", "not_found"));

        ResourceService<Note> notes = ash.service(Note.class, NOTES);
        InvalidException noSubject = catchThrowableOfType(InvalidException.class,
                () -> notes.create(Map.of("subjectId", UUID.randomUUID(), "body", "orphan")));
        assertThat(noSubject.errors()).containsExactly(new FieldError("subjectId", "does not exist", "not_found"));
    }
}
