package io.ashspring.repository;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.NoRepositoryBean;
import org.springframework.data.repository.Repository;

import io.ashspring.error.InvalidException;
import io.ashspring.error.NotFoundException;
import io.ashspring.query.Query;
import io.ashspring.runtime.ResourceService;

/**
 * The base of a code-interface repository for one resource:
 *
 * <pre>{@code
 * public interface TicketRepository extends AshRepository<Ticket, UUID> {
 *     List<Ticket> findByStatusOrderByInsertedAtDesc(Status status);   // derived from the name
 *     Window<Ticket> findAllBy(ScrollPosition position, Limit limit);  // keyset windows
 *     long countByStatus(Status status);
 * }
 * }</pre>
 *
 * Spring Boot finds such interfaces next to the application (or where {@link EnableAshRepositories}
 * says) and registers an implementation of each as a bean. The key type must be the resource's
 * primary key type ({@code Map<String, Object>} for a composite key); every method is checked at
 * startup.
 *
 * <p>For a multitenant resource every method works for the current tenant: the one the web request
 * named (see {@code ash.tenancy.resolver}), or {@code TenantScope.run("acme", () -> tickets.findAll())};
 * {@code service().forTenant("acme")} gives the service bound to one tenant.
 *
 * @param <T> the resource's record type
 * @param <ID> its primary key type
 */
@NoRepositoryBean
public interface AshRepository<T, ID> extends Repository<T, ID> {

    /** The record with this key, if there is one. */
    Optional<T> findById(ID id);

    /**
     * The record with this key.
     *
     * @throws NotFoundException when there is none
     */
    T getById(ID id);

    /** Whether a record with this key exists. */
    boolean existsById(ID id);

    /** Every record. */
    List<T> findAll();

    /** The records a query selects, with its loads. */
    List<T> findAll(Query query);

    /** One page of the records a query selects (the query's sort first, then the page's). */
    Page<T> findAll(Query query, Pageable pageable);

    /** How many records there are. */
    long count();

    /** How many records a query selects. */
    long count(Query query);

    /**
     * Creates a record from loose input (attribute names to values).
     *
     * @throws InvalidException listing every field error
     */
    T create(Map<String, ?> input);

    /**
     * Changes the given attributes of the record with this key.
     *
     * @throws NotFoundException when there is none
     * @throws InvalidException when the input or a constraint rejects it
     */
    T update(ID id, Map<String, ?> changes);

    /**
     * Destroys the record with this key.
     *
     * @throws NotFoundException when there is none
     */
    void deleteById(ID id);

    /** The resource service behind this repository, for everything else it can do. */
    ResourceService<T> service();
}
