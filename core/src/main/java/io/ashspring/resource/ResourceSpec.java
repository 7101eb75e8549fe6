package io.ashspring.resource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a resource's optional {@code static void configure(ResourceSpec<Self> spec)} hook may add
 * or change, for what annotations cannot say well (Java defaults, long lists of constraints). It
 * starts from what the annotations declared; it is read once, when the registry is built.
 *
 * <pre>{@code
 * static void configure(ResourceSpec<Ticket> r) {
 *     r.attribute("code").defaultValue(() -> Codes.next());
 *     r.identity("unique_code", "code");
 *     r.reference("representative").onDelete(OnDelete.NILIFY);
 *     r.check("subject_not_blank", "length(trim(subject)) > 0", "must not be blank", "subject");
 *     r.create("open").accept("subject").change(Changes.set("status", Status.OPEN));
 *     r.read("openTickets").filter("status == 'open'").sort("-insertedAt");
 * }
 * }</pre>
 *
 * @param <T> the resource's record type
 */
public final class ResourceSpec<T> {

    final Class<T> type;
    String table;
    String schema;
    Boolean migrate;
    final Map<String, AttributeSpec> attributes = new LinkedHashMap<>();
    final List<IdentitySpec> identities = new ArrayList<>();
    final Map<String, ReferenceSpec> references = new LinkedHashMap<>();
    final List<CheckSpec> checks = new ArrayList<>();
    final List<IndexSpec> indexes = new ArrayList<>();
    final List<StatementSpec> statements = new ArrayList<>();
    String renamedFrom;
    final List<String> droppedColumns = new ArrayList<>();
    final List<String> extensions = new ArrayList<>();
    String createTableOptions;
    String baseFilterSql;
    final List<String> ignoredAttributes = new ArrayList<>();
    final List<ActionSpec<T, ?>> actions = new ArrayList<>();

    record CheckSpec(String name, String check, String message, List<String> fields) {
    }

    record StatementSpec(String name, String up, String down) {
    }

    ResourceSpec(Class<T> type) {
        this.type = type;
    }

    /** The record class being configured. */
    public Class<T> type() {
        return type;
    }

    /** Sets the table. */
    public ResourceSpec<T> table(String name) {
        this.table = name;
        return this;
    }

    /** Sets the schema. */
    public ResourceSpec<T> schema(String name) {
        this.schema = name;
        return this;
    }

    /** {@code false}: leave the table out of generated migrations. */
    public ResourceSpec<T> migrate(boolean value) {
        this.migrate = value;
        return this;
    }

    /** The options of an attribute (a component, or a belongs_to key such as {@code representativeId}). */
    public AttributeSpec attribute(String name) {
        return attributes.computeIfAbsent(name, AttributeSpec::new);
    }

    /** Adds a unique key. */
    public IdentitySpec identity(String name, String... keys) {
        IdentitySpec identity = new IdentitySpec(name, Arrays.asList(keys));
        identities.add(identity);
        return identity;
    }

    /** The foreign key of a belongs_to relationship. */
    public ReferenceSpec reference(String relationship) {
        return references.computeIfAbsent(relationship, r -> new ReferenceSpec(r, "configure"));
    }

    /** Adds a check constraint whose violation reports {@code message} on {@code fields}. */
    public ResourceSpec<T> check(String name, String sql, String message, String... fields) {
        checks.add(new CheckSpec(name, sql, message, List.of(fields)));
        return this;
    }

    /** Adds a custom index over attributes or SQL expressions. */
    public IndexSpec index(String... fields) {
        IndexSpec index = new IndexSpec(Arrays.asList(fields));
        indexes.add(index);
        return index;
    }

    /** Adds a custom statement run by migrations. */
    public ResourceSpec<T> statement(String name, String up, String down) {
        statements.add(new StatementSpec(name, up, down));
        return this;
    }

    /**
     * The table's previous name ({@code "old_table"}, or {@code "old_schema.old_table"} for a move), so
     * that migrations rename it instead of asking; see {@link Renamed}.
     */
    public ResourceSpec<T> renamedFrom(String previousTable) {
        this.renamedFrom = previousTable;
        return this;
    }

    /** Columns of the table that migrations may drop; see {@link Dropped}. */
    public ResourceSpec<T> dropped(String... columns) {
        droppedColumns.addAll(Arrays.asList(columns));
        return this;
    }

    /** PostgreSQL extensions the resource needs; see {@link Extensions}. */
    public ResourceSpec<T> extension(String... names) {
        extensions.addAll(Arrays.asList(names));
        return this;
    }

    /** SQL appended to {@code CREATE TABLE} ({@code "PARTITION BY RANGE (inserted_at)"}); see {@link TableOptions}. */
    public ResourceSpec<T> createTableOptions(String sql) {
        this.createTableOptions = sql;
        return this;
    }

    /** The SQL form of the base filter, for identity indexes and checks; see {@link TableOptions#baseFilterSql()}. */
    public ResourceSpec<T> baseFilterSql(String sql) {
        this.baseFilterSql = sql;
        return this;
    }

    /** Attributes left out of migrations. */
    public ResourceSpec<T> ignoreAttributes(String... attributes) {
        ignoredAttributes.addAll(Arrays.asList(attributes));
        return this;
    }

    /**
     * Declares a create action. Each kind without a primary action (one marked
     * {@link ActionSpec#primary()} or named after its kind) also gets a default one, named
     * {@code "create"}, accepting every writable attribute: what {@code ResourceService.create(Map)} runs.
     */
    public CreateActionSpec<T> create(String name) {
        return add(new CreateActionSpec<>(name));
    }

    /** Declares a read action: a filter, a sort and arguments. */
    public ReadActionSpec<T> read(String name) {
        return add(new ReadActionSpec<>(name));
    }

    /** Declares an update action. */
    public UpdateActionSpec<T> update(String name) {
        return add(new UpdateActionSpec<>(name));
    }

    /** Declares a destroy action. */
    public DestroyActionSpec<T> destroy(String name) {
        return add(new DestroyActionSpec<>(name));
    }

    private <A extends ActionSpec<T, ?>> A add(A action) {
        actions.add(action);
        return action;
    }
}
