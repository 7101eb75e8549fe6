package io.ashspring.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.ashspring.error.FieldError;
import io.ashspring.error.InvalidException;
import io.ashspring.fixtures.bulk.Label;
import io.ashspring.fixtures.bulk.Member;
import io.ashspring.query.Query;
import io.ashspring.resource.Upsert;
import io.ashspring.runtime.UpsertResult.Outcome;
import io.ashspring.test.PostgresTest;

import static io.ashspring.expr.Expressions.atomic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code createAll}, {@code updateAll} and {@code destroyAll}: one statement per batch, errors by input index, all or nothing. */
@PostgresTest
class BulkWriteTests extends BulkDeskTestBase {

    private static List<Map<String, Object>> inputs(int count) {
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            inputs.add(new HashMap<>(Map.of("email", "m" + i + "@example.com", "name", "Member " + i)));
        }
        return inputs;
    }

    @Test
    void createAllInsertsEveryInputInOneStatementAndReturnsTheRecordsInInputOrder() {
        StatementCounter counter = new StatementCounter(db.dataSource());
        ResourceService<Member> counted = AshRuntime.of(ash.registry(), counter.dataSource()).service(Member.class);
        BulkResult<Member> result = counted.createAll(inputs(3));
        assertThat(counter.count()).isEqualTo(1);
        assertThat(result.count()).isEqualTo(3);
        assertThat(result.records()).extracting(Member::email)
                .containsExactly("m0@example.com", "m1@example.com", "m2@example.com");
        assertThat(result.records()).allSatisfy(m -> {
            assertThat(m.version()).isEqualTo(1);
            assertThat(m.logins()).isZero(); // the default
            assertThat(m.insertedAt()).isNotNull();
        });
        assertThat(result.created()).containsExactly(0, 1, 2);
        assertThat(rows("bulk_members")).isEqualTo(3);
    }

    @Test
    void withoutReturnRecordsOnlyTheCountComesBack() {
        BulkResult<Member> result = members.createAll(inputs(5), BulkOptions.defaults().returnRecords(false).batchSize(2));
        assertThat(result.records()).isEmpty();
        assertThat(result.count()).isEqualTo(5);
        assertThat(rows("bulk_members")).isEqualTo(5);
    }

    @Test
    void batchesSplitTheInputsAndInputsWritingOtherAttributesGoInTheirOwnStatement() {
        List<Map<String, Object>> inputs = inputs(5);
        UUID team = team("red");
        inputs.get(3).put("team", team);
        StatementCounter counter = new StatementCounter(db.dataSource());
        ResourceService<Member> counted = AshRuntime.of(ash.registry(), counter.dataSource()).service(Member.class);
        BulkResult<Member> result = counted.createAll(inputs, BulkOptions.defaults().batchSize(2));
        assertThat(counter.count()).isEqualTo(4); // [0,1] [2] [3] [4]
        assertThat(result.records()).extracting(Member::email).containsExactly("m0@example.com", "m1@example.com",
                "m2@example.com", "m3@example.com", "m4@example.com");
        assertThat(result.records().get(3).team().id()).isEqualTo(team);
    }

    @Test
    void inputsGivingTheSameAttributesInAnotherOrderShareAStatementAndKeepTheirValues() {
        Map<String, Object> first = new java.util.LinkedHashMap<>();
        first.put("email", "a@example.com");
        first.put("name", "Ann");
        first.put("logins", 1);
        Map<String, Object> second = new java.util.LinkedHashMap<>();
        second.put("logins", 2);
        second.put("name", "Bob");
        second.put("email", "b@example.com");
        StatementCounter counter = new StatementCounter(db.dataSource());
        ResourceService<Member> counted = AshRuntime.of(ash.registry(), counter.dataSource()).service(Member.class);
        List<Member> created = counted.createAll(List.of(first, second)).records();
        assertThat(counter.count()).isEqualTo(1);
        assertThat(created).extracting(Member::email, Member::name, Member::logins).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a@example.com", "Ann", 1),
                org.assertj.core.groups.Tuple.tuple("b@example.com", "Bob", 2));
    }

    @Test
    void invalidInputsAreAllReportedWithTheirIndexBeforeAnySqlAndNothingIsWritten() {
        List<Map<String, Object>> inputs = inputs(1000);
        inputs.get(700).remove("email");
        inputs.get(701).put("logins", 5000);
        InvalidException invalid = catchThrowableOfType(InvalidException.class, () -> members.createAll(inputs));
        assertThat(invalid.errors()).extracting(FieldError::index, FieldError::field, FieldError::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(700, "email", "is required"),
                org.assertj.core.groups.Tuple.tuple(701, "logins", "must be less than or equal to 1000"));
        assertThat(invalid.errorsByIndex()).containsOnlyKeys(700, 701);
        assertThat(invalid.getMessage()).contains("[700] email is required");
        assertThat(rows("bulk_members")).isZero();
    }

    @Test
    void aConstraintViolationAtOneInputRollsBackTheWholeBulkAndNamesItsIndex() {
        member("m700@example.com", "Already here");
        List<Map<String, Object>> inputs = inputs(1000);
        inputs.get(700).put("email", "m700@example.com"); // unchanged: clashes with the stored member
        InvalidException invalid = catchThrowableOfType(InvalidException.class,
                () -> members.createAll(inputs, BulkOptions.defaults().batchSize(300)));
        assertThat(invalid.errors()).containsExactly(new FieldError("email", "has already been taken", "unique", 700));
        assertThat(rows("bulk_members")).isEqualTo(1); // batches 0-299 and 300-599 were rolled back too

        List<Map<String, Object>> missingTeam = inputs(3);
        missingTeam.get(2).put("team", UUID.randomUUID());
        missingTeam.get(1).put("team", team("blue"));
        InvalidException fk = catchThrowableOfType(InvalidException.class, () -> members.createAll(missingTeam));
        assertThat(fk.errors()).containsExactly(new FieldError("teamId", "does not exist", "not_found", 2));
        assertThat(rows("bulk_members")).isEqualTo(1);
    }

    @Test
    void aBulkUpsertReportsWhatItCreatedUpdatedAndSkipped() {
        Member ann = member("ann@example.com", "Ann");
        Member bob = member("bob@example.com", "Bob");
        jdbc.sql("UPDATE bulk_members SET active = false WHERE email = 'bob@example.com'").update();
        BulkResult<Member> result = members.createAll(List.of(
                Map.of("email", "cid@example.com", "name", "Cid"),
                Map.of("email", "bob@example.com", "name", "Bobby"),
                Map.of("email", "ann@example.com", "name", "Annie")), BulkOptions.defaults().action("register"));
        assertThat(result.outcomes()).containsExactly(Outcome.CREATED, Outcome.SKIPPED, Outcome.UPDATED);
        assertThat(result.skipped()).containsExactly(1);
        assertThat(result.updated()).containsExactly(2);
        assertThat(result.count()).isEqualTo(2);
        assertThat(result.records()).extracting(Member::email).containsExactly("cid@example.com", "ann@example.com");
        assertThat(members.get(ann.id())).satisfies(m -> {
            assertThat(m.name()).isEqualTo("Annie");
            assertThat(m.version()).isEqualTo(2);
            assertThat(m.logins()).isEqualTo(1);
        });
        assertThat(members.get(bob.id()).name()).isEqualTo("Bob");
    }

    @Test
    void upsertOptionsApplyToEachInputAndARepeatedIdentityIsAnErrorAtItsIndex() {
        member("ann@example.com", "Ann");
        BulkResult<Member> result = members.createAll(List.of(Map.of("email", "ann@example.com", "name", "Annie"),
                Map.of("email", "new@example.com", "name", "New")), BulkOptions.defaults().upsert(Upsert.on("unique_email"))
                .returnRecords(false));
        assertThat(result.outcomes()).containsExactly(Outcome.UPDATED, Outcome.CREATED);
        assertThat(result.records()).isEmpty();

        InvalidException twice = catchThrowableOfType(InvalidException.class, () -> members.createAll(List.of(
                Map.of("email", "x@example.com"), Map.of("email", "y@example.com"), Map.of("email", "x@example.com")),
                BulkOptions.defaults().upsert(Upsert.on("unique_email"))));
        assertThat(twice.errors()).extracting(FieldError::field, FieldError::index)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("email", 2));
        assertThat(twice.errors().get(0).message()).contains("index 0");
        assertThat(rows("bulk_members")).isEqualTo(2);
    }

    @Test
    void columnsThatCannotTravelInAnArrayAreInsertedWithAValuesList() {
        ResourceService<Label> labels = ash.service(Label.class);
        BulkResult<Label> result = labels.createAll(List.of(
                Map.of("name", "a", "aliases", List.of("x", "y"), "data", Map.of("k", 1)),
                Map.of("name", "b", "aliases", List.of(), "data", Map.of("k", List.of(1, 2)))));
        assertThat(result.records()).extracting(Label::name).containsExactly("a", "b");
        assertThat(result.records().get(0).aliases()).containsExactly("x", "y");
        assertThat(labels.get(result.records().get(1).id()).data()).isEqualTo(Map.of("k", List.of(1, 2)));
    }

    @Test
    void updateAllChangesTheRecordsAQueryReadsInOneStatementThroughRelationshipFilters() {
        UUID red = team("red");
        UUID blue = team("blue");
        List<Map<String, Object>> inputs = inputs(4);
        inputs.get(0).put("team", red);
        inputs.get(1).put("team", red);
        inputs.get(2).put("team", blue);
        members.createAll(inputs);
        StatementCounter counter = new StatementCounter(db.dataSource());
        ResourceService<Member> counted = AshRuntime.of(ash.registry(), counter.dataSource()).service(Member.class);
        BulkResult<Member> result = counted.updateAll(Query.all().filter("team.name == 'red'"),
                Map.of("logins", atomic("logins + 2"), "name", "Red member"));
        assertThat(counter.count()).isEqualTo(1);
        assertThat(result.count()).isEqualTo(2);
        assertThat(result.records()).allSatisfy(m -> {
            assertThat(m.logins()).isEqualTo(2);
            assertThat(m.name()).isEqualTo("Red member");
            assertThat(m.version()).isEqualTo(2);
            assertThat(m.team().id()).isEqualTo(red);
        });
        assertThat(jdbc.sql("SELECT count(*) FROM bulk_members WHERE logins = 0 AND version = 1").query(Integer.class)
                .single()).isEqualTo(2);

        BulkResult<Member> plain = members.updateAll(Query.all().filter("logins == 0"), Map.of("active", false),
                BulkOptions.defaults().returnRecords(false));
        assertThat(plain.count()).isEqualTo(2);
        assertThat(plain.records()).isEmpty();
    }

    @Test
    void updateAllChecksValuesAndAtomicResultsAndRollsBackOnAViolation() {
        members.createAll(inputs(3));
        InvalidException tooLong = catchThrowableOfType(InvalidException.class,
                () -> members.updateAll(Query.all(), Map.of("email", "x".repeat(101))));
        assertThat(tooLong.errors()).extracting(FieldError::field).containsExactly("email");
        jdbc.sql("UPDATE bulk_members SET logins = 999 WHERE email = 'm1@example.com'").update();
        InvalidException over = catchThrowableOfType(InvalidException.class,
                () -> members.updateAll(Query.all(), Map.of("logins", atomic("logins + 5")),
                        BulkOptions.defaults().returnRecords(false)));
        assertThat(over.errors()).extracting(FieldError::field).containsExactly("logins");
        assertThat(jdbc.sql("SELECT sum(logins) FROM bulk_members").query(Integer.class).single()).isEqualTo(999);
        InvalidException unique = catchThrowableOfType(InvalidException.class,
                () -> members.updateAll(Query.all(), Map.of("email", "same@example.com")));
        assertThat(unique.errors()).extracting(FieldError::code).containsExactly("unique");
        assertThatThrownBy(() -> members.updateAll(Query.all(), Map.of("name", "x"), BulkOptions.defaults().action("rename")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("update action rename has changes");
    }

    @Test
    void destroyAllDeletesTheRecordsAQueryReadsInOneStatement() {
        UUID red = team("red");
        List<Map<String, Object>> inputs = inputs(4);
        inputs.get(0).put("team", red);
        members.createAll(inputs);
        BulkResult<Member> destroyed = members.destroyAll(Query.all().filter("team.name == 'red' or email == 'm3@example.com'"));
        assertThat(destroyed.records()).extracting(Member::email).containsExactlyInAnyOrder("m0@example.com", "m3@example.com");
        assertThat(rows("bulk_members")).isEqualTo(2);
        assertThat(members.destroyAll(Query.all().limit(1), BulkOptions.defaults().returnRecords(false)).count()).isEqualTo(1);
        assertThat(rows("bulk_members")).isEqualTo(1);
        // a team still referenced cannot go
        members.createAll(List.of(Map.of("email", "z@example.com", "team", red)));
        InvalidException blocked = catchThrowableOfType(InvalidException.class, () -> teams.destroyAll(Query.all()));
        assertThat(blocked.errors()).extracting(FieldError::code).containsExactly("would_leave_records_behind");
        assertThat(rows("bulk_teams")).isEqualTo(1);
    }
}
