package io.ashspring.runtime;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.ashspring.resource.ResourceRegistry;
import io.ashspring.resource.model.ResourceModel;
import io.ashspring.sql.SqlCompiler;

/**
 * Ties the registry, the SQL compiler, a {@link JdbcClient} and a transaction manager together and
 * hands out one {@link ResourceService} per resource. Spring Boot's auto-configuration creates
 * one; without Spring Boot, create it yourself:
 *
 * <pre>{@code
 * AshRuntime ash = AshRuntime.of(ResourceRegistry.of(Ticket.class), dataSource);
 * ResourceService<Ticket> tickets = ash.service(Ticket.class);
 * }</pre>
 */
public final class AshRuntime {

    private final ResourceRegistry registry;
    private final SqlCompiler compiler;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ConstraintErrors constraintErrors;
    private final Loader loader;
    private final ReadRouting reads;
    private final Map<Class<?>, ResourceService<?>> services = new ConcurrentHashMap<>();
    /** Services of polymorphic resources bound to one of their tables, by bound model. */
    private final Map<ResourceModel, ResourceService<?>> boundServices = new ConcurrentHashMap<>();
    private final boolean multitenant;
    private final List<WriteHook> writeHooks = new CopyOnWriteArrayList<>();

    /**
     * @param registry the resources
     * @param jdbc the client statements run through
     * @param transactionManager the manager whose transactions writes run in (and join)
     */
    public AshRuntime(ResourceRegistry registry, JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this(registry, jdbc, transactionManager, ReadRouting.primary());
    }

    /**
     * @param registry the resources
     * @param jdbc the client of the primary database: writes, and reads inside transactions
     * @param transactionManager the manager whose transactions writes run in (and join)
     * @param reads where lone reads run (read replicas, see {@code docs/replicas.md})
     */
    public AshRuntime(ResourceRegistry registry, JdbcClient jdbc, PlatformTransactionManager transactionManager,
                      ReadRouting reads) {
        this.registry = registry;
        this.reads = reads;
        this.compiler = new SqlCompiler(registry::resource);
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.constraintErrors = new ConstraintErrors(registry);
        this.loader = new Loader(registry::resource, compiler, jdbc, reads);
        this.multitenant = registry.resources().stream().anyMatch(r -> r.tenancy().multitenant());
    }

    /** Whether any resource is multitenant: else no call looks a tenant up. */
    boolean multitenant() {
        return multitenant;
    }

    /** A runtime over a plain DataSource, with its own {@link DataSourceTransactionManager}. */
    public static AshRuntime of(ResourceRegistry registry, DataSource dataSource) {
        return new AshRuntime(registry, JdbcClient.create(dataSource), new DataSourceTransactionManager(dataSource));
    }

    /** The resources. */
    public ResourceRegistry registry() {
        return registry;
    }

    /** Where lone reads run: {@link ReadRouting#primary()} unless read replicas are configured. */
    public ReadRouting reads() {
        return reads;
    }

    /**
     * The service of a resource; one instance per resource.
     *
     * @throws IllegalArgumentException when the class is not a registered resource
     */
    @SuppressWarnings("unchecked")
    public <T> ResourceService<T> service(Class<T> type) {
        return (ResourceService<T>) services.computeIfAbsent(type, t -> create(registry.resource(t)));
    }

    /**
     * The service of a polymorphic resource bound to one of its tables; one instance per table.
     *
     * @throws IllegalArgumentException when the resource is not polymorphic, or the table is not one
     *         of those its relationships name
     * @see ResourceService#inTable(String)
     */
    @SuppressWarnings("unchecked")
    public <T> ResourceService<T> service(Class<T> type, String table) {
        return (ResourceService<T>) boundServices.computeIfAbsent(registry.inTable(type, table), this::create);
    }

    /**
     * Adds work to every single-record write of the resources the hook applies to, inside the write's transaction
     * (see {@link WriteHook}); {@code @ManageTenant} creates and renames tenant schemas this way.
     */
    public void addWriteHook(WriteHook hook) {
        writeHooks.add(java.util.Objects.requireNonNull(hook, "hook"));
    }

    /** The hooks of the writes of a resource. */
    List<WriteHook> writeHooks(ResourceModel resource) {
        if (writeHooks.isEmpty()) {
            return List.of();
        }
        return writeHooks.stream().filter(h -> h.appliesTo(resource)).toList();
    }

    private <T> ResourceService<T> create(ResourceModel resource) {
        return new JdbcResourceService<>(resource, compiler, jdbc, transactions, constraintErrors, loader, this);
    }
}
