package io.ashspring.runtime;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import io.ashspring.error.InvalidException;
import io.ashspring.error.NotFoundException;
import io.ashspring.query.Query;
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
 * Each write runs in a transaction, joining the caller's Spring transaction when there is one, so
 * a failure anywhere rolls all of it back. A lone read runs without a transaction. Invalid input
 * and constraint violations become an {@link InvalidException} with field errors; nothing is
 * written then.
 *
 * @param <T> the resource's record type
 */
public interface ResourceService<T> {

    /** The resource this service works on. */
    ResourceModel resource();

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

    /** The records a query asks for. */
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

    /** One page of a query, with the total count, as a Spring Data {@link Page}. */
    Page<T> page(Query query, Pageable pageable);

    /**
     * Changes the given attributes of the record with this key; update timestamps are touched.
     * Returns the stored record.
     *
     * @throws NotFoundException when there is none
     * @throws InvalidException when the input or a database constraint rejects it
     */
    T update(Object key, Map<String, ?> changes);

    /** Changes the given attributes of a record read earlier. */
    T updateRecord(T record, Map<String, ?> changes);

    /**
     * Destroys the record with this key.
     *
     * @throws NotFoundException when there is none
     * @throws InvalidException when other records still reference it
     */
    void destroy(Object key);

    /** Destroys a record read earlier. */
    void destroyRecord(T record);
}
