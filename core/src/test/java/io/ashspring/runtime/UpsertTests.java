package io.ashspring.runtime;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.ashspring.error.FieldError;
import io.ashspring.error.InvalidException;
import io.ashspring.fixtures.bulk.Member;
import io.ashspring.resource.Upsert;
import io.ashspring.runtime.UpsertResult.Outcome;
import io.ashspring.test.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code INSERT … ON CONFLICT … DO UPDATE … WHERE}: on an identity, full or partial, with fields, atomic values and a condition. */
@PostgresTest
class UpsertTests extends BulkDeskTestBase {

    @Test
    void anInputWithANewIdentityIsCreated() {
        UpsertResult<Member> result = members.upsert(Map.of("email", "ann@example.com", "name", "Ann"),
                Upsert.on("unique_email"));
        assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
        assertThat(result.record().email()).isEqualTo("ann@example.com");
        assertThat(result.record().version()).isEqualTo(1);
        assertThat(rows("bulk_members")).isEqualTo(1);
    }

    @Test
    void anInputWithAStoredIdentityUpdatesThatRecordAndMovesItsVersion() {
        Member stored = member("ann@example.com", "Ann");
        UpsertResult<Member> result = members.upsert(Map.of("email", "ann@example.com", "name", "Annie", "handle", "annie"),
                Upsert.on("unique_email"));
        assertThat(result.outcome()).isEqualTo(Outcome.UPDATED);
        assertThat(result.record().id()).isEqualTo(stored.id());
        assertThat(result.record().name()).isEqualTo("Annie");
        assertThat(result.record().handle()).isEqualTo("annie");
        assertThat(result.record().version()).isEqualTo(2);
        assertThat(result.record().insertedAt()).isEqualTo(stored.insertedAt());
        assertThat(result.record().updatedAt()).isAfter(stored.updatedAt());
        assertThat(rows("bulk_members")).isEqualTo(1);
        // what only a default gave is not written over: logins stays as stored
        jdbc.sql("UPDATE bulk_members SET logins = 7").update();
        assertThat(members.upsert(Map.of("email", "ann@example.com", "name", "Ann"), Upsert.on("unique_email"))
                .record().logins()).isEqualTo(7);
    }

    @Test
    void upsertFieldsLimitWhatAConflictUpdates() {
        Member stored = members.create(Map.of("email", "ann@example.com", "name", "Ann", "handle", "ann"));
        Member updated = members.upsert(Map.of("email", "ann@example.com", "name", "Annie", "handle", "other"),
                Upsert.on("unique_email").update("name")).record();
        assertThat(updated.name()).isEqualTo("Annie");
        assertThat(updated.handle()).isEqualTo(stored.handle());
    }

    @Test
    void aConflictMayUseAtomicValuesAndTheProposedRow() {
        members.create(Map.of("email", "ann@example.com", "name", "Ann", "logins", 5));
        Upsert add = Upsert.on("unique_email").update().set("logins", "logins + excluded(logins)");
        assertThat(members.upsert(Map.of("email", "ann@example.com", "logins", 3), add).record().logins()).isEqualTo(8);
        assertThat(members.upsert(Map.of("email", "ann@example.com", "logins", 4), add).record().logins()).isEqualTo(12);
        assertThat(members.get(members.read(io.ashspring.query.Query.all()).get(0).id()).name()).isEqualTo("Ann");
    }

    @Test
    void aPartialIdentityConflictsOnlyWithinItsPredicate() {
        Member inactive = members.create(Map.of("email", "old@example.com", "name", "Old", "handle", "ace", "active", false));
        // the only 'ace' is inactive: outside the partial identity, so a new record is created
        UpsertResult<Member> first = members.upsert("claimHandle", Map.of("email", "new@example.com", "name", "New",
                "handle", "ace"));
        assertThat(first.outcome()).isEqualTo(Outcome.CREATED);
        assertThat(first.record().id()).isNotEqualTo(inactive.id());
        // now an active 'ace' exists: the next claim updates it
        UpsertResult<Member> second = members.upsert("claimHandle", Map.of("email", "new@example.com", "name", "Newer",
                "handle", "ace"));
        assertThat(second.outcome()).isEqualTo(Outcome.UPDATED);
        assertThat(second.record().id()).isEqualTo(first.record().id());
        assertThat(second.record().name()).isEqualTo("Newer");
        assertThat(members.get(inactive.id()).name()).isEqualTo("Old");
        assertThat(rows("bulk_members")).isEqualTo(2);
    }

    @Test
    void aStoredRecordTheConditionRefusesIsSkippedAndLeftAsItWas() {
        Member stored = member("ann@example.com", "Ann");
        jdbc.sql("UPDATE bulk_members SET active = false").update();
        UpsertResult<Member> result = members.upsert("register", Map.of("email", "ann@example.com", "name", "Annie"));
        assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(result.skipped()).isTrue();
        assertThat(result.record().id()).isEqualTo(stored.id());
        assertThat(result.record().name()).isEqualTo("Ann");
        assertThat(result.record().version()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT name FROM bulk_members").query(String.class).single()).isEqualTo("Ann");
    }

    @Test
    void aConditionMayCompareTheStoredRowWithTheProposedOne() {
        members.create(Map.of("email", "ann@example.com", "name", "Ann", "logins", 5));
        Upsert newer = Upsert.on("unique_email").update("logins").where("logins < excluded(logins)");
        assertThat(members.upsert(Map.of("email", "ann@example.com", "logins", 3), newer).outcome()).isEqualTo(Outcome.SKIPPED);
        UpsertResult<Member> raised = members.upsert(Map.of("email", "ann@example.com", "logins", 9), newer);
        assertThat(raised.outcome()).isEqualTo(Outcome.UPDATED);
        assertThat(raised.record().logins()).isEqualTo(9);
    }

    @Test
    void aSkippedUpsertOnAPartialIdentityGivesTheStoredRecordWithinThePredicate() {
        members.create(Map.of("email", "old@example.com", "name", "Old", "handle", "ace", "active", false));
        Member active = members.create(Map.of("email", "new@example.com", "name", "New", "handle", "ace"));
        UpsertResult<Member> result = members.upsert(Map.of("email", "other@example.com", "handle", "ace"),
                Upsert.on("active_handle").where("name == 'nobody'"));
        assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(result.record().id()).isEqualTo(active.id());
        assertThat(rows("bulk_members")).isEqualTo(2);
    }

    @Test
    void aCreateActionDeclaredUpsertUpsertsThroughCreate() {
        Member stored = member("ann@example.com", "Ann");
        Member registered = members.create("register", Map.of("email", "ann@example.com", "name", "Annie", "handle", "x"));
        assertThat(registered.id()).isEqualTo(stored.id());
        assertThat(registered.name()).isEqualTo("Annie");
        assertThat(registered.handle()).as("only the declared upsert fields change").isNull();
        assertThat(registered.logins()).as("upsertSet(logins + 1)").isEqualTo(1);
        assertThat(registered.version()).isEqualTo(2);
        Member created = members.create("register", Map.of("email", "bob@example.com", "name", "Bob"));
        assertThat(created.logins()).isZero();
        assertThat(rows("bulk_members")).isEqualTo(2);
        // the action's validations still run
        InvalidException invalid = catchThrowableOfType(InvalidException.class,
                () -> members.create("register", Map.of("email", "ann@example.com", "name", "A")));
        assertThat(invalid.errors()).extracting(FieldError::field).containsExactly("name");
    }

    @Test
    void constraintViolationsOfAnUpsertStillBecomeFieldErrors() {
        member("ann@example.com", "Ann");
        InvalidException missingTeam = catchThrowableOfType(InvalidException.class, () -> members.upsert(
                Map.of("email", "ann@example.com", "team", UUID.randomUUID()), Upsert.on("unique_email")));
        assertThat(missingTeam.errors()).containsExactly(new FieldError("teamId", "does not exist", "not_found"));

        InvalidException negative = catchThrowableOfType(InvalidException.class, () -> members.upsert(
                Map.of("email", "ann@example.com"), Upsert.on("unique_email").set("logins", "logins - 5")));
        assertThat(negative.errors()).containsExactly(new FieldError("logins", "must not be negative", "check"));

        InvalidException tooMany = catchThrowableOfType(InvalidException.class, () -> members.upsert(
                Map.of("email", "ann@example.com"), Upsert.on("unique_email").set("logins", "logins + 2000")));
        assertThat(tooMany.errors()).extracting(FieldError::field).containsExactly("logins");
        assertThat(members.read(io.ashspring.query.Query.all()).get(0).logins()).isZero();

        // a conflict on another identity than the upsert's is a plain unique violation
        members.create(Map.of("email", "bob@example.com", "name", "Bob", "handle", "bob"));
        InvalidException taken = catchThrowableOfType(InvalidException.class, () -> members.upsert(
                Map.of("email", "ann@example.com", "handle", "bob"), Upsert.on("unique_email")));
        assertThat(taken.errors()).extracting(FieldError::field, FieldError::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("handle", "unique"));
    }

    @Test
    void anUpsertOnAnIdentityTheResourceLacksIsRefusedNamingTheIdentities() {
        assertThatThrownBy(() -> members.upsert(Map.of("email", "a@example.com"), Upsert.on("unique_mail")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Member: upserts on the identity 'unique_mail'")
                .hasMessageContaining("unique_email, active_handle");
        assertThatThrownBy(() -> members.upsert(Map.of("email", "a@example.com"), Upsert.on("unique_email").update("nope")))
                .hasMessageContaining("upsert field 'nope' is not an attribute of Member");
        assertThat(rows("bulk_members")).isZero();
    }

    /** A resource whose declared upsert names an identity and a field it lacks, and a read filter using excluded(...). */
    @io.ashspring.resource.Resource(table = "bad_upserts")
    public record BadUpsert(@io.ashspring.resource.PrimaryKey UUID id, String email) {
        static void configure(io.ashspring.resource.ResourceSpec<BadUpsert> spec) {
            spec.create("register").accept("email").upsert().upsertIdentity("unique_email").upsertFields("nmae");
            spec.read("odd").filter("email == excluded(email)");
        }
    }

    @Test
    void aDeclaredUpsertOnAnUnknownIdentityOrFieldIsAStartupProblem() {
        assertThatThrownBy(() -> io.ashspring.resource.ResourceRegistry.of(BadUpsert.class))
                .isInstanceOf(io.ashspring.resource.ResourceModelException.class)
                .hasMessageContaining("BadUpsert.configure: action 'register' upserts on the identity 'unique_email', "
                        + "which BadUpsert does not declare")
                .hasMessageContaining("action 'register' upsert field 'nmae' is not an attribute of BadUpsert")
                .hasMessageContaining("read action 'odd' uses excluded(email), which only an upsert has");
    }

    @Test
    void excludedOutsideAnUpsertIsRefused() {
        member("ann@example.com", "Ann");
        assertThatThrownBy(() -> members.read(io.ashspring.query.Query.all().filter("email == excluded(email)")))
                .isInstanceOf(io.ashspring.error.InvalidQueryException.class)
                .hasMessageContaining("only in upsert fields and conditions");
        assertThatThrownBy(() -> io.ashspring.expr.Expressions.parse("excluded(team.name)"))
                .isInstanceOf(io.ashspring.error.ExpressionSyntaxException.class);
    }
}
