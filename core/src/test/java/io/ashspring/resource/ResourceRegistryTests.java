package io.ashspring.resource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.ashspring.fixtures.Blog;
import io.ashspring.fixtures.Comment;
import io.ashspring.fixtures.Helpdesk;
import io.ashspring.fixtures.Photo;
import io.ashspring.fixtures.Post;
import io.ashspring.fixtures.PostTag;
import io.ashspring.fixtures.Reaction;
import io.ashspring.fixtures.Representative;
import io.ashspring.fixtures.Tag;
import io.ashspring.fixtures.Ticket;
import io.ashspring.resource.model.AggregateModel;
import io.ashspring.resource.model.AttributeModel;
import io.ashspring.resource.model.CalculationModel;
import io.ashspring.resource.model.ComputedModel;
import io.ashspring.resource.model.ConstraintNames;
import io.ashspring.resource.model.IdentityModel;
import io.ashspring.resource.model.ReferenceModel;
import io.ashspring.resource.model.RelationshipKind;
import io.ashspring.resource.model.RelationshipModel;
import io.ashspring.resource.model.ResourceModel;
import io.ashspring.resource.model.TimestampKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Validation of the resource model: every mistake is reported with the class, the member and a fix,
 * and all mistakes of all resources come in one {@link ResourceModelException}. No database needed.
 */
class ResourceRegistryTests {

    // ---------------------------------------------------------------- broken declarations

    static final class NotARecord {
    }

    record NotAnnotated(@PrimaryKey UUID id) {
    }

    /** Annotated, but never passed to the registry. */
    @Resource(table = "unregistered")
    record Unregistered(@PrimaryKey UUID id) {
    }

    @Resource(table = "orphans")
    record Orphan(
            @PrimaryKey UUID id,
            @BelongsTo Ref<Unregistered, UUID> owner,
            @HasMany List<Unregistered> children) {
    }

    @Resource(table = "parents")
    record Parent(
            @PrimaryKey UUID id,
            @HasMany @Reference(onDelete = OnDelete.DELETE) List<Child> children) {
    }

    @Resource(table = "configured_parents")
    record ConfiguredParent(
            @PrimaryKey UUID id,
            @HasMany(destinationAttribute = "parentId") List<Child> children) {

        static void configure(ResourceSpec<ConfiguredParent> spec) {
            spec.reference("children").onDelete(OnDelete.DELETE);
        }
    }

    @Resource(table = "children")
    record Child(@PrimaryKey UUID id, @BelongsTo Ref<Parent, UUID> parent) {
    }

    @Resource(table = "checked")
    @CheckConstraint(name = "amount_positive", check = "amount > 0", fields = "amount", message = "must be positive")
    record UnknownCheckField(@PrimaryKey UUID id, Integer total) {
    }

    @Resource(table = "identified")
    @Identity(name = "unique_email", keys = "email")
    record UnknownIdentityKey(@PrimaryKey UUID id, String name) {
    }

    @Resource(table = "shared")
    record SharedAsText(@PrimaryKey UUID id, String code) {
    }

    @Resource(table = "shared")
    record SharedAsNumber(@PrimaryKey UUID id, Integer code) {
    }

    /** 64 bytes: one more than PostgreSQL keeps. */
    static final String NAME_64 = "a_table_name_that_is_far_too_long_for_postgresql_to_keep_whole_x";

    @Resource(table = NAME_64)
    record LongTableName(@PrimaryKey UUID id) {
    }

    static final String COLUMN_64 = "a_column_name_that_is_far_too_long_for_postgresql_to_keep_whole_";

    @Resource(table = "long_names")
    @Identity(name = "an_identity_name_long_enough_to_push_its_index_name_over", keys = "code")
    record LongColumnAndIndexNames(
            @PrimaryKey UUID id,
            @Attribute(column = COLUMN_64) String code) {
    }

    @Resource(table = "odd_types")
    record UnsupportedTypes(
            @PrimaryKey UUID id,
            Object anything,
            int count,
            List<Object> things,
            Optional<String> maybe) {
    }

    @Resource(table = "keyless")
    record Keyless(UUID id, String name) {
    }

    @Resource(table = "expression_indexed")
    @CustomIndex(fields = "lower(name)")
    record UnnamedExpressionIndex(@PrimaryKey UUID id, String name) {
    }

    @Resource(table = "throwing")
    record ThrowingConfigure(@PrimaryKey UUID id) {
        static void configure(ResourceSpec<ThrowingConfigure> spec) {
            throw new IllegalStateException("boom");
        }
    }

    @Resource(table = "bad_defaults")
    record BadDefault(@PrimaryKey UUID id, @Attribute(defaultValue = "abc") Integer priority) {
    }

    @Resource(table = "misplaced_constraints")
    record MisplacedConstraints(
            @PrimaryKey UUID id,
            @Attribute(maxLength = 5) Integer size,
            @Attribute(min = "0") String label,
            @Attribute(match = "[a-z]+") Long code) {
    }

    @Resource(table = "misnilified")
    record NilifiesAnotherAttribute(
            @PrimaryKey UUID id,
            UUID other,
            @BelongsTo @Reference(onDelete = OnDelete.NILIFY, nilifyColumns = "other") Ref<Representative, UUID> representative) {
    }

    @Resource(table = "misconfigured")
    record ConfiguresUnknownAttribute(@PrimaryKey UUID id, String name) {
        static void configure(ResourceSpec<ConfiguresUnknownAttribute> spec) {
            spec.attribute("nmae").allowNil(false);
        }
    }

    @Resource(table = "reactionless")
    record PolymorphicWithoutTable(@PrimaryKey UUID id, @HasMany(destinationAttribute = "subjectId") List<Reaction> reactions) {
    }

    @Resource(table = "shelves")
    record Shelf(
            @PrimaryKey UUID id,
            String label,
            @HasMany(destinationAttribute = "shelfId") List<Book> books,
            @Count("volumes") Long volumeCount,
            @Aggregate(kind = AggregateKind.SUM, relationship = "books", field = "pages") Long pageCount,
            @Aggregate(kind = AggregateKind.SUM, relationship = "books", field = "title") Long titleSum,
            @Aggregate(kind = AggregateKind.MAX, relationship = "books", field = "signed") Boolean anySigned,
            @Count("books") String bookCountText,
            @Aggregate(kind = AggregateKind.EXISTS, relationship = "books") Long hasBooks,
            @Count(value = "books", filter = "pages > parent(minimumPages)") Long longBooks,
            @Aggregate(kind = AggregateKind.FIRST, relationship = "books", field = "title", sort = "-publishedOn") String newest,
            @Calculation("label || ' (' || room.name || ')'") String where,
            @Calculation("books.title") String firstTitle,
            @Calculation("parent(label)") String outside,
            @Calculation("label ||") String unfinished,
            @Calculation("(label") String unbalanced) {
    }

    @Resource(table = "books")
    record Book(@PrimaryKey UUID id, String title, Integer pages, Boolean signed, @BelongsTo Ref<Shelf, UUID> shelf) {
    }

    @Resource(table = "archives")
    record Archive(
            @PrimaryKey UUID id,
            String name,
            @HasMany(destinationAttribute = "archiveId") List<Box> boxes,
            @Count(value = "boxes", filter = "exists(folders, archived == parent(parent(sealed)))") Long sealedBoxes,
            @Aggregate(kind = AggregateKind.SUM, relationship = "boxes", field = "weight", defaultValue = "0") Long totalWeight,
            @Aggregate(kind = AggregateKind.MIN, relationship = "boxes", field = "label") String firstLabel,
            @Aggregate(kind = AggregateKind.LIST, relationship = "boxes", field = "label", sort = "label") List<String> labels,
            @Aggregate(kind = AggregateKind.EXISTS, relationship = "boxes", filter = "weight > 10") Boolean hasHeavyBoxes,
            @Count(value = "boxes", filter = "weight >= parent(totalWeight)") Long heaviest,
            Boolean sealed,
            @Calculation("name || ': ' || totalWeight") String summary) {
    }

    @Resource(table = "boxes")
    record Box(@PrimaryKey UUID id, String label, Integer weight, @BelongsTo Ref<Archive, UUID> archive,
               @HasMany(destinationAttribute = "boxId") List<Folder> folders,
               @Calculation("archive.name || '/' || label") String path) {
    }

    @Resource(table = "folders")
    record Folder(@PrimaryKey UUID id, Boolean archived, @BelongsTo Ref<Box, UUID> box) {
    }

    // ---------------------------------------------------------------- valid declarations

    @Resource
    record SupportTicket(
            @PrimaryKey Long id,
            String subject,
            @CreateTimestamp Instant insertedAt,
            @UpdateTimestamp Instant updatedAt) {
    }

    static final AtomicInteger CODES = new AtomicInteger();

    @Resource(table = "configured")
    record Configured(
            @PrimaryKey UUID id,
            String code,
            String status,
            @BelongsTo Ref<Representative, UUID> owner) {

        static void configure(ResourceSpec<Configured> spec) {
            spec.attribute("code").defaultValue(() -> "C-" + CODES.incrementAndGet()).maxLength(12);
            spec.attribute("status").defaultValue("active");
            spec.attribute("ownerId").allowNil(false);
            spec.identity("unique_code", "code").where("status = 'active'").message("is in use");
            spec.reference("owner").onDelete(OnDelete.DELETE).onUpdate(OnUpdate.UPDATE)
                    .deferrable(Deferrable.INITIALLY_DEFERRED).index(true);
            spec.check("code_not_blank", "length(trim(code)) > 0", "must not be blank", "code");
        }
    }

    @Resource(table = "line_items")
    record LineItem(@PrimaryKey UUID orderId, @PrimaryKey Integer position, @Attribute(precision = 10, scale = 2) BigDecimal price) {
    }

    @Resource(table = "shared_ok")
    record SharedA(@PrimaryKey UUID id, String code) {
    }

    @Resource(table = "shared_ok")
    record SharedB(@PrimaryKey UUID id, String code, Integer extra) {
    }

    /** 58 bytes: with "_pkey" the primary key's name is exactly 63 bytes, the longest PostgreSQL keeps whole. */
    static final String TABLE_58 = "a_table_name_just_short_enough_for_its_primary_key_name_xy";
    /** Exactly 63 bytes. */
    static final String COLUMN_63 = "a_column_name_that_is_just_short_enough_for_postgresql_to_keep_";

    @Resource(table = TABLE_58)
    record LongestNames(@PrimaryKey UUID id, @Attribute(column = COLUMN_63) String code) {
    }

    // ---------------------------------------------------------------- helpers

    private static List<ModelProblem> problemsOf(Class<?>... types) {
        ResourceModelException thrown = catchThrowableOfType(ResourceModelException.class, () -> ResourceRegistry.of(types));
        assertThat(thrown).as("building a registry of the broken resources").isNotNull();
        return thrown.problems();
    }

    private static void assertProblem(List<ModelProblem> problems, String resource, String member, String problem, String fix) {
        assertThat(problems).as("a problem on %s.%s: %s", resource, member, problem).anySatisfy(p -> {
            assertThat(p.resource()).isEqualTo(resource);
            assertThat(p.member()).isEqualTo(member);
            assertThat(p.problem()).contains(problem);
            assertThat(p.fix()).contains(fix);
        });
    }

    // ---------------------------------------------------------------- problems

    @Test
    void everyProblemOfEveryResourceIsReportedAtOnce() {
        ResourceModelException thrown = catchThrowableOfType(ResourceModelException.class, () -> ResourceRegistry.of(
                NotARecord.class, NotAnnotated.class, Orphan.class, Parent.class, Child.class, UnknownCheckField.class,
                UnknownIdentityKey.class, SharedAsText.class, SharedAsNumber.class, LongTableName.class,
                UnsupportedTypes.class, Keyless.class, UnnamedExpressionIndex.class, ThrowingConfigure.class,
                BadDefault.class, MisplacedConstraints.class));
        assertThat(thrown).isNotNull();
        List<ModelProblem> problems = thrown.problems();

        assertThat(problems).extracting(ModelProblem::resource).contains("NotARecord", "NotAnnotated", "Orphan", "Parent",
                "UnknownCheckField", "UnknownIdentityKey", "SharedAsNumber", "LongTableName", "UnsupportedTypes", "Keyless",
                "UnnamedExpressionIndex", "ThrowingConfigure", "BadDefault", "MisplacedConstraints");
        assertThat(problems).extracting(ModelProblem::resource).doesNotContain("Child", "SharedAsText");
        // at least: 2 unusable classes, 2 unknown targets, 1 misplaced reference, 1 check, 1 identity, 1 shared column,
        // 1 table name, 4 types, 1 key, 1 index, 1 hook, 1 default, 3 misplaced constraints
        assertThat(problems).hasSizeGreaterThanOrEqualTo(20);
        assertThat(thrown.getMessage())
                .startsWith(problems.size() + " problems in the resource declarations:")
                .contains("  1. ").contains("  " + problems.size() + ". ")
                .contains("Parent.children: reference configured but it is a has_many relationship. Fix: ")
                .contains("Keyless: has no primary key. Fix: mark a component @PrimaryKey");
        assertThat(problems).allSatisfy(p -> {
            assertThat(p.resource()).isNotBlank();
            assertThat(p.problem()).isNotBlank();
            assertThat(p.fix()).isNotBlank();
        });
    }

    @Test
    void aClassThatIsNotARecordOrNotAnnotatedIsRejected() {
        List<ModelProblem> problems = problemsOf(NotARecord.class, NotAnnotated.class);
        assertThat(problems).hasSize(2);
        assertProblem(problems, "NotARecord", null, "is not a record", "declare resources as Java records");
        assertProblem(problems, "NotAnnotated", null, "is not annotated with @Resource", "add @Resource");
        assertThat(problems.get(0).toString()).isEqualTo("NotARecord: is not a record. Fix: declare resources as Java records");
    }

    @Test
    void relationshipsToUnregisteredResourcesAreRejectedOncePerRelationship() {
        List<ModelProblem> problems = problemsOf(Orphan.class);
        assertProblem(problems, "Orphan", "owner", "target Unregistered is not a registered resource",
                "annotate Unregistered with @Resource");
        assertProblem(problems, "Orphan", "children", "target Unregistered is not a registered resource",
                "put it in a scanned package");
        assertThat(problems).filteredOn(p -> "owner".equals(p.member())).hasSize(1);
        assertThat(problems).filteredOn(p -> "children".equals(p.member())).hasSize(1);
    }

    @Test
    void aReferenceOnAHasManyRelationshipIsRejectedWhetherAnnotatedOrConfigured() {
        List<ModelProblem> problems = problemsOf(Parent.class, ConfiguredParent.class, Child.class);
        assertThat(problems).hasSize(2);
        assertProblem(problems, "Parent", "children", "reference configured but it is a has_many relationship",
                "move the reference to the belongs_to relationship on Child");
        assertProblem(problems, "ConfiguredParent", "children", "reference configured but it is a has_many relationship",
                "move the reference to the belongs_to relationship on Child");
    }

    @Resource(table = "regions")
    record Region(@PrimaryKey UUID id, String country, Integer population) {
    }

    @Resource(table = "shops")
    record BadCompositeShop(@PrimaryKey UUID id, String country, UUID countryCode,
                            @BelongsTo @Reference(matchWith = {"country", "countryCode=population", "missing", "a=b=c"})
                            Ref<Region, UUID> region) {
    }

    @Resource(table = "stores")
    record UnbackedCompositeStore(@PrimaryKey UUID id, String country,
                                  @BelongsTo @Reference(matchWith = "country") Ref<Region, UUID> region) {
    }

    @Test
    void compositeReferencesNameExistingAttributesOfOneTypeBackedByAUniqueKey() {
        List<ModelProblem> problems = problemsOf(Region.class, BadCompositeShop.class, UnbackedCompositeStore.class);
        assertProblem(problems, "BadCompositeShop", "region", "matches 'countryCode' (uuid) with Region.population (integer)",
                "give both attributes the same type");
        assertProblem(problems, "BadCompositeShop", "region", "matches with the unknown attribute 'missing'", "name an attribute");
        assertProblem(problems, "BadCompositeShop", "region", "has matchWith entry 'a=b=c'", "or \"tenantId=organizationId\"");
        assertProblem(problems, "UnbackedCompositeStore", "region", "references Region [id, country], which is neither its "
                + "primary key nor one of its identities", "add @Identity(name = \"...\", keys = {\"id\", \"country\"}) to Region");
        assertThat(problems).hasSize(5);
    }

    @Test
    void checksAndIdentitiesNamingUnknownAttributesAreRejectedListingTheKnownOnes() {
        List<ModelProblem> problems = problemsOf(UnknownCheckField.class, UnknownIdentityKey.class);
        assertThat(problems).hasSize(2);
        assertProblem(problems, "UnknownCheckField", "check amount_positive", "names the unknown attribute 'amount'",
                "use one of: id, total");
        assertProblem(problems, "UnknownIdentityKey", "identity unique_email", "names the unknown attribute 'email'",
                "use one of: id, name");
    }

    @Test
    void twoResourcesOnOneTableMustAgreeOnColumnTypes() {
        List<ModelProblem> problems = problemsOf(SharedAsText.class, SharedAsNumber.class);
        assertThat(problems).hasSize(1);
        assertProblem(problems, "SharedAsNumber", "code",
                "shares the table public.shared with SharedAsText but column 'code' is integer here and text there",
                "give both resources the same type for code");
    }

    @Test
    void twoResourcesOnOneTableWithCompatibleColumnsAreAccepted() {
        ResourceRegistry registry = ResourceRegistry.of(SharedA.class, SharedB.class);
        assertThat(registry.resource(SharedA.class).table()).isEqualTo("shared_ok");
        assertThat(registry.resource(SharedB.class).table()).isEqualTo("shared_ok");
    }

    @Test
    void namesLongerThanPostgresKeepsAreRejected() {
        List<ModelProblem> problems = problemsOf(LongTableName.class, LongColumnAndIndexNames.class);
        assertProblem(problems, "LongTableName", null, "table '" + NAME_64 + "' is 64 bytes long; PostgreSQL names are at most 63 bytes",
                "choose a shorter or simpler name");
        assertProblem(problems, "LongColumnAndIndexNames", "code",
                "column '" + COLUMN_64 + "' is 64 bytes long",
                "choose a shorter");
        // derived names are shortened instead (see the next test); a name given explicitly is the developer's to shorten
        assertThat(problems).extracting(ModelProblem::problem).noneMatch(p -> p.contains("_pkey") || p.contains("_index"));
        assertProblem(problemsOf(ExplicitLongIndexName.class), "ExplicitLongIndexName", "identity code",
                "index name '" + NAME_64 + "' is 64 bytes long", "choose a shorter");
    }

    @Resource(table = "explicit_names")
    @Identity(name = "code", keys = "code", indexName = NAME_64)
    record ExplicitLongIndexName(@PrimaryKey UUID id, String code) {
    }

    @Test
    void derivedNamesLongerThanPostgresKeepsAreShortenedTheSameWayEveryTime() {
        ResourceModel model = ResourceRegistry.of(LongDerivedNames.class, LongestNames.class).resource(LongDerivedNames.class);
        String identity = model.identities().get(0).indexName();
        assertThat(identity).hasSizeBetween(60, 63).startsWith("long_names_an_identity_name_long_enough_to_push")
                .matches(".*_[0-9a-f]{8}_index").isEqualTo(ConstraintNames.identityIndex("long_names",
                        "an_identity_name_long_enough_to_push_its_index_name_over"));
        String foreignKey = model.relationship("aRelationshipWithAVeryLongNameIndeedAndMore").orElseThrow().reference().name();
        assertThat(foreignKey).hasSizeBetween(60, 63).endsWith("_fkey").startsWith("long_names_a_relationship_with_a_very_long_name")
                .isEqualTo(ConstraintNames.foreignKey("long_names", "a_relationship_with_a_very_long_name_indeed_and_more_id"));
        // names that differ only past the cut stay apart; names PostgreSQL keeps whole are left alone
        assertThat(ConstraintNames.foreignKey("t".repeat(60), "a")).isNotEqualTo(ConstraintNames.foreignKey("t".repeat(60), "b"));
        assertThat(ConstraintNames.primaryKey(TABLE_58)).isEqualTo(TABLE_58 + "_pkey");
        assertThat(ConstraintNames.primaryKey(TABLE_58 + "x")).hasSizeBetween(60, 63).endsWith("_pkey").isNotEqualTo(TABLE_58 + "x_pkey");
    }

    @Resource(table = "long_names")
    @Identity(name = "an_identity_name_long_enough_to_push_its_index_name_over", keys = "code")
    record LongDerivedNames(
            @PrimaryKey UUID id,
            String code,
            @BelongsTo @Reference(index = true) Ref<LongestNames, UUID> aRelationshipWithAVeryLongNameIndeedAndMore) {
    }

    @Test
    void namesOfExactlySixtyThreeBytesAreAccepted() {
        assertThat(COLUMN_64).hasSize(64);
        assertThat(NAME_64).hasSize(64);
        assertThat(COLUMN_63).hasSize(63);
        assertThat(TABLE_58 + "_pkey").hasSize(63);
        ResourceModel model = ResourceRegistry.of(LongestNames.class).resource(LongestNames.class);
        assertThat(model.primaryKeyName()).isEqualTo(TABLE_58 + "_pkey");
        assertThat(model.requireAttribute("code").column()).isEqualTo(COLUMN_63);
    }

    @Test
    void nameLengthIsCountedInUtf8BytesNotCharacters() {
        // 32 characters, 64 bytes: too long although it looks short
        String twoByteLetters = "é".repeat(32);
        assertThat(Names.identifierProblem(twoByteLetters)).isEqualTo("is 64 bytes long; PostgreSQL names are at most 63 bytes");
        assertThat(Names.identifierProblem("x".repeat(63))).isNull();
        assertThat(Names.identifierProblem("1st")).contains("must not start with a digit");
        assertThat(Names.identifierProblem("")).isEqualTo("is empty");
    }

    @Test
    void componentsOfUnsupportedTypesAreRejectedOneByOne() {
        List<ModelProblem> problems = problemsOf(UnsupportedTypes.class);
        assertThat(problems).hasSize(4);
        String fix = "change the component's type";
        assertProblem(problems, "UnsupportedTypes", "anything", "java.lang.Object is not a supported attribute type", fix);
        assertProblem(problems, "UnsupportedTypes", "count", "primitive int cannot hold null (a value not yet loaded or generated): use its wrapper type", fix);
        assertProblem(problems, "UnsupportedTypes", "things", "is not a supported attribute type", fix);
        assertProblem(problems, "UnsupportedTypes", "maybe", "java.util.Optional<java.lang.String> is not a supported attribute type", fix);
        assertThat(problems).filteredOn(p -> "anything".equals(p.member())).singleElement()
                .satisfies(p -> assertThat(p.problem()).contains("supported: UUID, String"));
    }

    @Test
    void aResourceWithoutPrimaryKeyIsRejected() {
        List<ModelProblem> problems = problemsOf(Keyless.class);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.resource()).isEqualTo("Keyless");
            assertThat(p.member()).isNull();
            assertThat(p.problem()).isEqualTo("has no primary key");
            assertThat(p.fix()).contains("@PrimaryKey");
        });
    }

    @Test
    void anIndexOnAnSqlExpressionNeedsAName() {
        List<ModelProblem> problems = problemsOf(UnnamedExpressionIndex.class);
        assertThat(problems).hasSize(1);
        assertProblem(problems, "UnnamedExpressionIndex", "index lower(name)", "indexes an SQL expression but has no name",
                "set name = \"...\" on the index");
    }

    @Test
    void aConfigureHookThatThrowsIsReportedWithItsException() {
        List<ModelProblem> problems = problemsOf(ThrowingConfigure.class);
        assertThat(problems).hasSize(1);
        assertProblem(problems, "ThrowingConfigure", "configure", "threw IllegalStateException: boom", "fix the configure hook");
    }

    @Test
    void configuringAnAttributeThatDoesNotExistIsRejected() {
        List<ModelProblem> problems = problemsOf(ConfiguresUnknownAttribute.class);
        assertThat(problems).hasSize(1);
        assertProblem(problems, "ConfiguresUnknownAttribute", "nmae", "is configured in configure() but is not an attribute",
                "use one of: ");
        assertThat(problems.get(0).fix()).contains("name").contains("id");
    }

    @Test
    void aDefaultThatIsNotAValueOfTheAttributesTypeIsRejected() {
        List<ModelProblem> problems = problemsOf(BadDefault.class);
        assertThat(problems).hasSize(1);
        assertProblem(problems, "BadDefault", "priority", "default 'abc' is not a valid Integer", "fix the default value");
    }

    @Test
    void constraintsOnTheWrongTypeAreRejected() {
        List<ModelProblem> problems = problemsOf(MisplacedConstraints.class);
        assertThat(problems).hasSize(3);
        assertProblem(problems, "MisplacedConstraints", "size", "has a length constraint but is a Integer",
                "length constraints apply to text and lists");
        assertProblem(problems, "MisplacedConstraints", "label", "has a min/max constraint but is a String",
                "min and max apply to numbers");
        assertProblem(problems, "MisplacedConstraints", "code", "has a match/oneOf constraint but is a Long",
                "use an enum");
    }

    @Test
    void nilifyColumnsMustBeColumnsOfTheForeignKey() {
        List<ModelProblem> problems = problemsOf(NilifiesAnotherAttribute.class, Representative.class, Ticket.class, Comment.class);
        assertThat(problems).hasSize(1);
        assertProblem(problems, "NilifiesAnotherAttribute", "representative",
                "nilifies 'other', which is not a column of its foreign key", "representativeId");
    }

    @Test
    void aHasManyToAPolymorphicResourceMustNameItsTable() {
        List<ModelProblem> problems = problemsOf(PolymorphicWithoutTable.class, Reaction.class);
        assertThat(problems).hasSize(1);
        assertProblem(problems, "PolymorphicWithoutTable", "reactions", "targets the polymorphic resource Reaction without a table",
                "@HasMany(table = ");
    }

    // ---------------------------------------------------------------- derived defaults

    @Test
    void namesKeysAndTimestampsHaveDerivedDefaults() {
        ResourceRegistry registry = ResourceRegistry.of(SupportTicket.class);
        ResourceModel tickets = registry.resource(SupportTicket.class);
        assertThat(tickets.table()).isEqualTo("support_ticket");
        assertThat(tickets.schema()).isEqualTo("public");
        assertThat(tickets.name()).isEqualTo("SupportTicket");
        assertThat(tickets.primaryKeyName()).isEqualTo("support_ticket_pkey");

        AttributeModel id = tickets.requireAttribute("id");
        assertThat(id.primaryKey()).isTrue();
        assertThat(id.keyGeneration()).isEqualTo(KeyGeneration.IDENTITY);
        assertThat(id.type().sqlType()).isEqualTo("bigint");
        assertThat(id.allowNil()).isFalse();
        assertThat(id.writable()).isFalse();
        assertThat(id.generatedByDatabase()).isTrue();

        AttributeModel insertedAt = tickets.requireAttribute("insertedAt");
        assertThat(insertedAt.column()).isEqualTo("inserted_at");
        assertThat(insertedAt.timestamp()).isEqualTo(TimestampKind.CREATE);
        assertThat(insertedAt.writable()).isFalse();
        assertThat(insertedAt.allowNil()).isFalse();
        assertThat(insertedAt.sqlDefault()).isEqualTo("now()");
        AttributeModel updatedAt = tickets.requireAttribute("updatedAt");
        assertThat(updatedAt.timestamp()).isEqualTo(TimestampKind.UPDATE);
        assertThat(updatedAt.writable()).isFalse();

        AttributeModel subject = tickets.requireAttribute("subject");
        assertThat(subject.allowNil()).isTrue();
        assertThat(subject.writable()).isTrue();
        assertThat(subject.keyGeneration()).isEqualTo(KeyGeneration.NONE);
        assertThat(subject.sqlDefault()).isNull();
    }

    @Test
    void belongsToIdentityAndUuidKeyDefaultsFollowAshPostgresNaming() {
        ResourceRegistry registry = Helpdesk.registry();
        ResourceModel tickets = registry.resource(Ticket.class);

        AttributeModel id = tickets.requireAttribute("id");
        assertThat(id.keyGeneration()).isEqualTo(KeyGeneration.RANDOM_UUID);
        assertThat(id.sqlDefault()).isEqualTo("gen_random_uuid()");
        assertThat(id.type().sqlType()).isEqualTo("uuid");

        AttributeModel key = tickets.requireAttribute("representativeId");
        assertThat(key.column()).isEqualTo("representative_id");
        assertThat(key.foreignKeyOf()).isEqualTo("representative");
        assertThat(key.type().sqlType()).isEqualTo("uuid");
        assertThat(key.allowNil()).isTrue();
        assertThat(key.writable()).isTrue();
        // the key sits at its relationship's component
        assertThat(tickets.attributes()).extracting(AttributeModel::name)
                .containsExactly("id", "subject", "status", "priority", "representativeId", "insertedAt", "updatedAt");

        RelationshipModel representative = tickets.relationship("representative").orElseThrow();
        assertThat(representative.kind()).isEqualTo(RelationshipKind.BELONGS_TO);
        assertThat(representative.target()).isEqualTo(Representative.class);
        assertThat(representative.sourceAttribute()).isEqualTo("representativeId");
        assertThat(representative.destinationAttribute()).isEqualTo("id");
        assertThat(representative.reference().name()).isEqualTo("tickets_representative_id_fkey");
        assertThat(representative.reference().onDelete()).isEqualTo(OnDelete.NILIFY);
        assertThat(representative.reference().onUpdate()).isEqualTo(OnUpdate.NOTHING);
        assertThat(representative.reference().deferrable()).isEqualTo(Deferrable.NO);
        assertThat(representative.reference().enabled()).isTrue();

        RelationshipModel comments = tickets.relationship("comments").orElseThrow();
        assertThat(comments.kind()).isEqualTo(RelationshipKind.HAS_MANY);
        assertThat(comments.sourceAttribute()).isEqualTo("id");
        assertThat(comments.destinationAttribute()).isEqualTo("ticketId");
        assertThat(comments.reference()).isNull();

        assertThat(tickets.identities()).singleElement().satisfies(identity -> {
            assertThat(identity.indexName()).isEqualTo("tickets_unique_subject_index");
            assertThat(identity.message()).isEqualTo("has already been taken");
            assertThat(identity.nullsDistinct()).isTrue();
            assertThat(identity.where()).isNull();
        });
        AttributeModel status = tickets.requireAttribute("status");
        assertThat(status.defaultValue()).isEqualTo(io.ashspring.fixtures.Status.OPEN);
        assertThat(tickets.requireAttribute("priority").defaultValue()).isEqualTo(1);
        assertThat(tickets.requireAttribute("subject").constraints().maxLength()).isEqualTo(200);
        assertThat(registry.resource(Comment.class).requireAttribute("ticketId").allowNil()).isFalse();
        assertThat(registry.resource(Representative.class).requireAttribute("apiToken").sensitive()).isTrue();
        assertThat(registry.resource(Representative.class).requireAttribute("email").type().sqlType()).isEqualTo("citext");
    }

    @Test
    void theConfigureHookChangesAttributesIdentitiesReferencesAndChecks() {
        ResourceRegistry registry = ResourceRegistry.of(Configured.class, Representative.class, Ticket.class, Comment.class);
        ResourceModel configured = registry.resource(Configured.class);

        AttributeModel code = configured.requireAttribute("code");
        assertThat(code.defaultSupplier()).isNotNull();
        Object first = code.defaultSupplier().get();
        Object second = code.defaultSupplier().get();
        assertThat(first).asString().startsWith("C-");
        assertThat(second).isNotEqualTo(first);
        assertThat(code.constraints().maxLength()).isEqualTo(12);
        assertThat(configured.requireAttribute("status").defaultValue()).isEqualTo("active");
        assertThat(configured.requireAttribute("ownerId").allowNil()).isFalse();

        IdentityModel identity = configured.identities().get(0);
        assertThat(identity.name()).isEqualTo("unique_code");
        assertThat(identity.keys()).containsExactly("code");
        assertThat(identity.where()).isEqualTo("status = 'active'");
        assertThat(identity.message()).isEqualTo("is in use");
        assertThat(identity.indexName()).isEqualTo("configured_unique_code_index");

        ReferenceModel reference = configured.relationship("owner").orElseThrow().reference();
        assertThat(reference.onDelete()).isEqualTo(OnDelete.DELETE);
        assertThat(reference.onUpdate()).isEqualTo(OnUpdate.UPDATE);
        assertThat(reference.deferrable()).isEqualTo(Deferrable.INITIALLY_DEFERRED);
        assertThat(reference.index()).isTrue();
        assertThat(reference.name()).isEqualTo("configured_owner_id_fkey");

        assertThat(configured.checkConstraints()).singleElement().satisfies(check -> {
            assertThat(check.name()).isEqualTo("code_not_blank");
            assertThat(check.check()).isEqualTo("length(trim(code)) > 0");
            assertThat(check.fields()).containsExactly("code");
            assertThat(check.message()).isEqualTo("must not be blank");
        });
    }

    @Test
    void severalPrimaryKeyComponentsMakeACompositeKeyThatIsNeverGenerated() {
        ResourceModel items = ResourceRegistry.of(LineItem.class).resource(LineItem.class);
        assertThat(items.primaryKey()).extracting(AttributeModel::name).containsExactly("orderId", "position");
        assertThat(items.primaryKey()).allSatisfy(key -> {
            assertThat(key.keyGeneration()).isEqualTo(KeyGeneration.NONE);
            assertThat(key.allowNil()).isFalse();
            assertThat(key.writable()).isTrue();
            assertThat(key.sqlDefault()).isNull();
        });
        assertThat(items.primaryKeyName()).isEqualTo("line_items_pkey");
        assertThat(items.requireAttribute("price").type().sqlType()).isEqualTo("numeric(10,2)");
    }

    @Test
    void manyToManyGoesThroughAJoinResourceWhoseKeyIsBothForeignKeys() {
        ResourceRegistry registry = Blog.registry();
        RelationshipModel tags = registry.resource(Post.class).relationship("tags").orElseThrow();
        assertThat(tags.kind()).isEqualTo(RelationshipKind.MANY_TO_MANY);
        assertThat(tags.target()).isEqualTo(Tag.class);
        assertThat(tags.through()).isEqualTo(PostTag.class);
        assertThat(tags.sourceAttribute()).isEqualTo("id");
        assertThat(tags.destinationAttribute()).isEqualTo("id");
        assertThat(tags.sourceAttributeOnJoin()).isEqualTo("postId");
        assertThat(tags.destinationAttributeOnJoin()).isEqualTo("tagId");

        ResourceModel join = registry.resource(PostTag.class);
        assertThat(join.primaryKey()).extracting(AttributeModel::name).containsExactly("postId", "tagId");
        assertThat(join.primaryKey()).extracting(AttributeModel::column).containsExactly("post_id", "tag_id");
        assertThat(join.primaryKey()).allSatisfy(key -> {
            assertThat(key.allowNil()).isFalse();
            assertThat(key.isForeignKey()).isTrue();
        });
        assertThat(join.relationships()).extracting(r -> r.reference().name())
                .containsExactly("post_tags_post_id_fkey", "post_tags_tag_id_fkey");
    }

    @Test
    void aPolymorphicResourceHasNoTableAndEachRelationshipNamesOne() {
        ResourceRegistry registry = Blog.registry();
        ResourceModel reactions = registry.resource(Reaction.class);
        assertThat(reactions.polymorphic()).isTrue();
        assertThat(reactions.table()).isNull();
        assertThat(reactions.toString()).contains("polymorphic");
        assertThat(registry.resource(Post.class).relationship("reactions").orElseThrow())
                .satisfies(r -> {
                    assertThat(r.kind()).isEqualTo(RelationshipKind.HAS_MANY);
                    assertThat(r.table()).isEqualTo("post_reactions");
                    assertThat(r.destinationAttribute()).isEqualTo("subjectId");
                });
        assertThat(registry.resource(Photo.class).relationship("reactions").orElseThrow().table()).isEqualTo("photo_reactions");
    }

    @Test
    void aPolymorphicResourceIsBoundToEachOfItsTablesOnceWithTheNamesItsConstraintsTakeThere() {
        ResourceRegistry registry = Blog.registry();
        assertThat(registry.tablesOf(Reaction.class)).containsExactly("post_reactions", "photo_reactions");
        assertThat(registry.tablesOf(Post.class)).isEmpty();
        ResourceModel bound = registry.inTable(Reaction.class, "post_reactions");
        assertThat(registry.inTable(Reaction.class, "post_reactions")).isSameAs(bound);
        assertThat(bound.table()).isEqualTo("post_reactions");
        assertThat(bound.polymorphic()).isTrue();
        assertThat(bound.primaryKeyName()).isEqualTo("post_reactions_pkey");
        assertThat(bound.identities()).extracting(IdentityModel::indexName).containsExactly("post_reactions_one_per_emoji_index");
        assertThat(registry.resource(Reaction.class).identities()).extracting(IdentityModel::indexName)
                .containsExactly("reaction_one_per_emoji_index");
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> registry.inTable(Reaction.class, "reactions")))
                .hasMessage("Reaction is not stored in a table named reactions: use one of the tables its relationships "
                        + "name: post_reactions, photo_reactions");
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> registry.inTable(Post.class, "posts")))
                .hasMessageContaining("Post is not polymorphic");
        assertThat(catchThrowableOfType(IllegalStateException.class, () -> bound.inTable("photo_reactions")))
                .hasMessageContaining("already bound to the table post_reactions");
    }

    @Test
    void aggregatesNameARelationshipAndAFieldOfItsTargetThatTheirKindTakes() {
        List<ModelProblem> problems = problemsOf(Shelf.class, Book.class);
        assertProblem(problems, "Shelf", "volumeCount", "aggregates over 'volumes', which is not a relationship of Shelf",
                "name one of its relationships: books");
        assertProblem(problems, "Shelf", "newest", "its sort names 'publishedOn', but Book has no attribute, belongs_to "
                + "relationship, aggregate or calculation 'publishedOn'", "use one of: id, title, pages, signed, shelfId");
        assertProblem(problems, "Shelf", "titleSum", "is a SUM aggregate of Book.title, a String: SUM takes numbers",
                "aggregate a numeric attribute");
        assertProblem(problems, "Shelf", "anySigned", "is a MAX aggregate of Book.signed, a Boolean: PostgreSQL's min and max "
                + "take numbers, text, dates and times, and enums", "use FIRST with a sort");
        assertProblem(problems, "Shelf", "bookCountText", "is a COUNT aggregate but its type is String", "declare it as a number: Long");
        assertProblem(problems, "Shelf", "hasBooks", "is a EXISTS aggregate but its type is Long", "declare it as Boolean");
        assertProblem(problems, "Shelf", "longBooks", "its filter names 'minimumPages', but Shelf has no attribute",
                "use one of: id, label, volumeCount");
        assertThat(problems).filteredOn(p -> "pageCount".equals(p.member())).isEmpty();
    }

    @Resource(table = "crates")
    record Crate(@PrimaryKey UUID id, @HasMany(destinationAttribute = "crateId") List<Bottle> bottles,
                 @Aggregate(kind = AggregateKind.MAX, relationship = "bottles", field = "vintage") Integer newest) {
    }

    @Resource(table = "bottles")
    record Bottle(@PrimaryKey UUID id, String label, @BelongsTo Ref<Crate, UUID> crate) {
    }

    @Test
    void aggregatesOverAFieldTheTargetLacksAreRejected() {
        List<ModelProblem> problems = problemsOf(Crate.class, Bottle.class);
        assertThat(problems).singleElement().hasToString("Crate.newest: aggregates the field 'vintage', which is not an "
                + "attribute of Bottle. Fix: name one of its attributes in field: id, label, crateId");
    }

    @Test
    void calculationsNameWhatTheirResourceHasAndEveryBadExpressionIsReportedOnItsOwnMember() {
        List<ModelProblem> problems = problemsOf(Shelf.class, Book.class);
        assertProblem(problems, "Shelf", "where", "its expression follows 'room', which is not a relationship of Shelf",
                "use one of its relationships: books");
        assertProblem(problems, "Shelf", "firstTitle", "its expression follows the has_many relationship 'books' to a single value",
                "use exists(books, ...) or an aggregate over it");
        assertProblem(problems, "Shelf", "outside", "its expression uses parent(...) where there is no row outside",
                "inside exists(relationship, ...) or an aggregate's filter");
        assertProblem(problems, "Shelf", "unfinished", "has the expression 'label ||', which is not a valid expression",
                "fix the expression text");
        assertProblem(problems, "Shelf", "unbalanced", "has the expression '(label', which is not a valid expression",
                "fix the expression text");
        assertThat(problems).filteredOn(p -> p.problem().contains("not a valid expression")).hasSize(2);
        assertThat(catchThrowableOfType(ResourceModelException.class, () -> ResourceRegistry.of(Shelf.class, Book.class))
                .getMessage()).contains("Shelf.unfinished: has the expression 'label ||', which is not a valid expression: ");
    }

    @Test
    void theModelHoldsTheAggregatesAndCalculationsInComponentOrderCheckedAgainstTheirTargets() {
        ResourceRegistry registry = ResourceRegistry.of(Archive.class, Box.class, Folder.class);
        ResourceModel archive = registry.resource(Archive.class);
        assertThat(archive.computed()).extracting(ComputedModel::name).containsExactly("sealedBoxes", "totalWeight",
                "firstLabel", "labels", "hasHeavyBoxes", "heaviest", "summary");
        assertThat(archive.computed("totalWeight")).get().isInstanceOfSatisfying(AggregateModel.class, a -> {
            assertThat(a.kind()).isEqualTo(AggregateKind.SUM);
            assertThat(a.defaultValue()).isEqualTo(0L);
        });
        assertThat(archive.computed("summary")).get().isInstanceOf(CalculationModel.class);
        assertThat(archive.computed("name")).isEmpty();
        assertThat(registry.resource(Box.class).computed()).extracting(ComputedModel::name).containsExactly("path");
    }

    @Test
    void unknownResourcesAreNamedWhenLookedUp() {
        ResourceRegistry registry = Helpdesk.registry();
        assertThat(registry.find(Post.class)).isEmpty();
        assertThat(registry.find("Ticket")).map(ResourceModel::type).contains(Ticket.class);
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> registry.resource(Post.class)))
                .hasMessageContaining(Post.class.getName()).hasMessageContaining("Representative, Ticket, Comment");
    }
}
