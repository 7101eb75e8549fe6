package io.ashspring.runtime;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Window;

import io.ashspring.action.ActionContext;
import io.ashspring.error.InvalidException;
import io.ashspring.error.NotFoundException;
import io.ashspring.error.UnavailableException;
import io.ashspring.query.Lock;
import io.ashspring.query.Query;
import io.ashspring.resource.Upsert;
import io.ashspring.resource.model.ResourceModel;

/**
 * Creates, reads, updates and destroys the records of one resource. Inject it by generic type:
 *
 * <pre>{@code
 * @Autowired ResourceService<Ticket> tickets;
 *
 * Ticket ticket = tickets.create(Map.of("subject", "Printer on fire"));
 * List<Ticket> open = tickets.read(q -> q.where("status", Status.OPEN).sort("-insertedAt").limit(20));
 * tickets.update(ticket, Map.of("status", Status.CLOSED));
 * tickets.destroy(ticket);
 * }</pre>
 *
 * The plain methods run the resource's primary actions ({@code create(Map)} the primary create,
 * and so on; a resource that declares none has defaults that accept every writable attribute);
 * {@link #run} and the methods taking an action name run any action declared in {@code configure}
 * (see {@code docs/actions.md}). {@link #withActor} gives the actions an actor.
 *
 * <p>Each write runs in a transaction, joining the caller's Spring transaction when there is one, so
 * a failure anywhere rolls all of it back. A lone read runs without a transaction. Invalid input
 * and constraint violations become an {@link InvalidException} with field errors; nothing is
 * written then. Every method throws an {@link UnavailableException} of
 * {@link UnavailableException.Reason#DATABASE_UNREACHABLE} when the database cannot be reached.
 *
 * @param <T> the resource's record type
 */
public interface ResourceService<T> {

    /** The resource this service works on (for a service bound to a table, the resource bound to it). */
    ResourceModel resource();

    /**
     * This service bound to one of the tables a polymorphic resource is stored in: every operation of
     * the returned service (create, get, read with filters, sorts, loads and aggregates, count, page,
     * scroll, stream, update, destroy) works on that table, and its constraint violations (the
     * foreign key back to the owner, identities) become field errors as for any resource.
     *
     * <pre>{@code
     * ResourceService<Reaction> postReactions = reactions.inTable("post_reactions");
     * postReactions.create(Map.of("subjectId", post.id(), "emoji", "👍"));
     * }</pre>
     *
     * A polymorphic resource has no table of its own (each relationship to it names one), so its
     * plain service refuses every operation, naming this method and the tables. One instance per table.
     *
     * @param table a table one of the relationships to the resource names
     * @throws IllegalArgumentException when the resource is not polymorphic, or no relationship names
     *         the table (the message lists those that do)
     */
    ResourceService<T> inTable(String table);

    /**
     * Creates a record from attribute values (by attribute name; a belongs_to key also by its
     * relationship's name). Returns the stored record, with defaults and generated values.
     *
     * @throws InvalidException when the input or a database constraint rejects it
     */
    T create(Map<String, ?> input);

    /**
     * The record with this primary key (a map of key attributes for a composite key).
     *
     * @throws NotFoundException when there is none
     */
    T get(Object key);

    /** The record with this primary key, if any. */
    Optional<T> find(Object key);

    /**
     * The record with this primary key, with the query's loads (and matching its filter, if any):
     * {@code get(id, Query.all().load("comments", "commentCount"))}.
     *
     * @throws NotFoundException when there is none
     */
    T get(Object key, Query query);

    /** The record with this primary key, with the query's loads (and matching its filter), if any. */
    Optional<T> find(Object key, Query query);

    /**
     * The records a query asks for.
     *
     * @throws io.ashspring.error.InvalidQueryException when the query names what the resource does not have
     * @throws UnavailableException when the query's {@link Lock} says not to wait and a row is locked, or the
     *         database cannot be reached
     * @throws IllegalStateException when the query locks rows outside a transaction
     */
    List<T> read(Query query);

    /** The records a query, built from {@link Query#all()}, asks for. */
    default List<T> read(UnaryOperator<Query> query) {
        return read(query.apply(Query.all()));
    }

    /** Every record. */
    default List<T> readAll() {
        return read(Query.all());
    }

    /** How many records the query's filter matches (ignoring its sort, limit and offset). */
    long count(Query query);

    /**
     * One page of a query, with the total count, as a Spring Data {@link Page}. The primary key is
     * added as the last sort key so that pages neither repeat nor skip records with equal sort values.
     */
    Page<T> page(Query query, Pageable pageable);

    /** One page of a query without counting the total: the slice only tells whether more follow. */
    Slice<T> slice(Query query, Pageable pageable);

    /**
     * A window of a query at a scroll position, as a Spring Data {@link Window}; the query's limit
     * is the window's size. A keyset position ({@code ScrollPosition.keyset()}, then
     * {@code window.positionAt(window.size() - 1)}) reads the records after the last one seen, with
     * the primary key as the last sort key: stable with equal sort values and with writes between
     * windows. A backward keyset position reads the records before it (the last window, from
     * {@code ScrollPosition.keyset().backward()}). An offset position ({@code ScrollPosition.offset()})
     * reads by offset.
     *
     * @throws IllegalArgumentException when the query has no limit, or has an offset
     * @throws io.ashspring.error.InvalidQueryException when a keyset position does not match the sort
     */
    Window<T> scroll(Query query, ScrollPosition position);

    /** Every record of a query as a stream read in keyset windows of 500; close it (try-with-resources). */
    default Stream<T> stream(Query query) {
        return stream(query, 500);
    }

    /**
     * Every record of a query (up to its limit) as a stream read in keyset windows of
     * {@code batchSize}: never more than one window is held in memory, and no connection is held
     * between windows, so very large reads are safe. Each window is its own statement: inside a
     * transaction they see one snapshot (with REPEATABLE READ), outside it each sees the latest
     * committed rows. Close the stream (try-with-resources) to stop reading early.
     */
    Stream<T> stream(Query query, int batchSize);

    /**
     * Changes the given attributes of the record with this key; update timestamps are touched, a
     * {@code @Version} moves. A value may be an {@link io.ashspring.expr.Expr}, evaluated against the
     * row ({@code Expressions.atomic("priority + 1")}). When the input carries the {@code @Version},
     * only that version is updated. Returns the stored record.
     *
     * @throws NotFoundException when there is none
     * @throws InvalidException when the input or a database constraint rejects it
     * @throws io.ashspring.error.StaleRecordException when the record is no longer at the version given
     */
    T update(Object key, Map<String, ?> changes);

    /**
     * Changes the given attributes of a record read earlier: with a {@code @Version}, only if it is
     * still at the version read.
     *
     * @throws io.ashspring.error.StaleRecordException when it is not
     */
    T updateRecord(T record, Map<String, ?> changes);

    /**
     * Destroys the record with this key.
     *
     * @throws NotFoundException when there is none
     * @throws InvalidException when other records still reference it
     */
    void destroy(Object key);

    /** Destroys a record read earlier (with a {@code @Version}, only if it is still at the version read). */
    void destroyRecord(T record);

    /**
     * This service reading on the primary database even where read replicas are configured (see
     * {@code docs/replicas.md}); {@code Query.usingPrimary()} does the same for one query. Cheap (shares
     * everything else). Inside a transaction every read already runs on the transaction's connection,
     * so this cannot move a read out of an enclosing {@code @Transactional(readOnly = true)}.
     */
    ResourceService<T> usingPrimary();

    // ---------------------------------------------------------------- actions and context

    /** Who this service's actions run for (the actor) and for which tenant; {@link ActionContext#none()} unless given. */
    ActionContext context();

    /**
     * This service running its actions with another context: every change and validation receives
     * it. Cheap (shares everything else); the service itself is unchanged.
     */
    ResourceService<T> withContext(ActionContext context);

    /**
     * This service working for one tenant: every statement of the returned service (and of the
     * loads, aggregates and {@code exists} it renders) reads and writes that tenant's rows only, in
     * the tenant's schema for {@code @Multitenancy(strategy = CONTEXT)} resources, narrowed by (and
     * setting) the tenant attribute for {@code ATTRIBUTE} ones. Cheap; the service itself is
     * unchanged. See {@code docs/multitenancy.md}.
     *
     * <pre>{@code
     * ResourceService<Ticket> acme = tickets.forTenant("acme");
     * acme.create(Map.of("subject", "Printer on fire"));
     * }</pre>
     *
     * @throws io.ashspring.error.InvalidTenantException when the name is not a valid tenant name
     */
    default ResourceService<T> forTenant(String tenant) {
        return withContext(context().withTenant(tenant));
    }

    /** This service running its actions for an actor: {@code tickets.withActor(user).run("close", input)}. */
    default ResourceService<T> withActor(Object actor) {
        return withContext(context().withActor(actor));
    }

    /**
     * Runs any action by name. The input holds accepted attributes and arguments by name; an update
     * or destroy input also holds the primary key by attribute name (and may hold the expected
     * {@code @Version}). The result holds the records read, or the one record created, updated or
     * destroyed (as it was deleted).
     *
     * @throws IllegalArgumentException when the resource has no such action
     * @throws InvalidException when the input holds what the action neither accepts nor takes as an
     *         argument, lacks a required argument, or a change, validation or constraint rejects it
     * @throws NotFoundException when an update or destroy names no record
     * @throws io.ashspring.error.StaleRecordException when the record is no longer at the version given
     */
    ActionResult<T> run(String action, Map<String, ?> input);

    /**
     * Runs a create action: {@code tickets.create("open", Map.of("subject", "Printer on fire"))}.
     *
     * @throws IllegalArgumentException when there is no such action, or it is not a create action
     * @throws InvalidException as {@link #run} says
     */
    T create(String action, Map<String, ?> input);

    /**
     * Runs a read action with its arguments: {@code tickets.read("openTickets", Map.of("min", 3))}.
     *
     * @throws IllegalArgumentException when there is no such action, or it is not a read action
     * @throws InvalidException when an argument is unknown, invalid or missing
     */
    default List<T> read(String action, Map<String, ?> arguments) {
        return read(action, arguments, Query.all());
    }

    /**
     * Runs a read action with its arguments, narrowed by a query: the action's filter and the
     * query's are both applied; the query's sort, when it has one, replaces the action's.
     */
    List<T> read(String action, Map<String, ?> arguments, Query query);

    /**
     * Runs an update action on the record with this key. The input may hold the expected
     * {@code @Version}, which the update then requires.
     *
     * @throws NotFoundException when there is none
     * @throws io.ashspring.error.StaleRecordException when it is no longer at the version given
     */
    T update(String action, Object key, Map<String, ?> input);

    /** Runs an update action on a record read earlier, at the version it was read at. */
    T updateRecord(String action, T record, Map<String, ?> input);

    /** Runs a destroy action on the record with this key; returns the record as it was deleted. */
    T destroy(String action, Object key, Map<String, ?> input);

    /** Runs a destroy action on a record read earlier, at the version it was read at; returns it as it was deleted. */
    T destroyRecord(String action, T record, Map<String, ?> input);

    /**
     * The primary key of a record, in the form {@link #get(Object)}, {@link #update(Object, Map)}
     * and {@link #destroy(Object)} take: the key attribute's value, or for a composite key a map of
     * the key attributes' names to their values.
     */
    Object key(T record);

    // ---------------------------------------------------------------- upserts and bulk writes

    /**
     * Creates a record through the primary create action, or, when a stored record has the
     * upsert's identity, updates it ({@code INSERT … ON CONFLICT … DO UPDATE}); a stored record the
     * upsert's condition refuses is left as it is (skipped). See {@code docs/actions.md#upserts}.
     *
     * <pre>{@code
     * UpsertResult<User> result = users.upsert(Map.of("email", "ann@example.com", "name", "Ann"),
     *         Upsert.on("unique_email").update("name"));
     * }</pre>
     *
     * @throws InvalidException when the input or a database constraint rejects it
     * @throws IllegalArgumentException when the upsert names an identity or field the resource lacks
     */
    UpsertResult<T> upsert(Map<String, ?> input, Upsert options);

    /** Runs a create action declared {@code upsert()}, telling what it did (created, updated or skipped). */
    UpsertResult<T> upsert(String action, Map<String, ?> input);

    /**
     * Creates many records in one transaction, with one multi-row {@code INSERT} per batch. Every
     * input runs through the create action's conversion, changes and validations first; if any is
     * invalid, nothing is written and one {@link InvalidException} lists the errors of all, each
     * with its input's index ({@link io.ashspring.error.FieldError#index()}). A constraint violation
     * rolls everything back, its error naming the input's index where PostgreSQL tells the key.
     * With {@link BulkOptions#upsert}, each input upserts.
     */
    BulkResult<T> createAll(List<? extends Map<String, ?>> inputs, BulkOptions options);

    /** {@link #createAll(List, BulkOptions)} with the defaults: the primary create, records returned. */
    default BulkResult<T> createAll(List<? extends Map<String, ?>> inputs) {
        return createAll(inputs, BulkOptions.defaults());
    }

    /**
     * Updates every record the query reads (through the primary read action) in one
     * {@code UPDATE … WHERE}: values, or atomic expressions evaluated per row
     * ({@code Map.of("priority", atomic("priority + 1"))}). The update action's accept list and value
     * rules apply; an action with changes or validations (which run per record) is refused.
     */
    BulkResult<T> updateAll(Query query, Map<String, ?> changes, BulkOptions options);

    /** {@link #updateAll(Query, Map, BulkOptions)} returning the updated records. */
    default BulkResult<T> updateAll(Query query, Map<String, ?> changes) {
        return updateAll(query, changes, BulkOptions.defaults());
    }

    /** Destroys every record the query reads in one {@code DELETE … WHERE}; see {@link #updateAll}. */
    BulkResult<T> destroyAll(Query query, BulkOptions options);

    /** {@link #destroyAll(Query, BulkOptions)} returning the records as deleted. */
    default BulkResult<T> destroyAll(Query query) {
        return destroyAll(query, BulkOptions.defaults());
    }
}
