package io.ashspring.migrate.tenant;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;

import io.ashspring.action.ActionKind;
import io.ashspring.query.Query;
import io.ashspring.resource.ManageTenant;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.resource.model.ResourceModel;
import io.ashspring.runtime.AshRuntime;
import io.ashspring.runtime.ResourceService;
import io.ashspring.runtime.WriteEvent;
import io.ashspring.runtime.WriteHook;
import io.ashspring.tenant.TenantName;

/**
 * The write hook of {@link ManageTenant} resources: a record created creates its tenant's schema and migrates it
 * ({@link TenantMigrator#migrateInTransaction}), in the transaction of the insert, so that the record and its
 * schema exist together or not at all; a change to an attribute of the template renames the schema. A destroy
 * leaves the schema: dropping it would delete the tenant's data with no way back, so that stays a deliberate,
 * separate step.
 *
 * <pre>{@code
 * AshRuntime runtime = AshRuntime.of(registry, dataSource);
 * ManagedTenants.register(runtime, dataSource, new TenantMigrator(dataSource, changelog));
 * runtime.service(Organization.class).create(Map.of("slug", "acme"));   // + schema org_acme, migrated
 * }</pre>
 */
public final class ManagedTenants implements WriteHook {

    private final DataSource dataSource;
    private final TenantMigrator migrator;
    private final Map<ResourceModel, TenantTemplate> templates;

    /**
     * @param dataSource the DataSource of the writes (the hook joins their transaction through it)
     * @param migrator the migrator of new tenant schemas
     * @param registry the resources, some annotated {@link ManageTenant}
     * @throws IllegalArgumentException when a template names no attribute or an unknown one
     */
    public ManagedTenants(DataSource dataSource, TenantMigrator migrator, ResourceRegistry registry) {
        this.dataSource = dataSource;
        this.migrator = migrator;
        this.templates = templates(registry);
    }

    /** Adds the hook to a runtime, when a resource is annotated {@link ManageTenant}; returns it, or {@code null}. */
    public static ManagedTenants register(AshRuntime runtime, DataSource dataSource, TenantMigrator migrator) {
        ManagedTenants hook = new ManagedTenants(dataSource, migrator, runtime.registry());
        if (hook.templates.isEmpty()) {
            return null;
        }
        runtime.addWriteHook(hook);
        return hook;
    }

    /** Whether a resource of the registry is annotated {@link ManageTenant}. */
    public static boolean any(ResourceRegistry registry) {
        return registry.resources().stream().anyMatch(r -> r.type().isAnnotationPresent(ManageTenant.class));
    }

    /**
     * The tenants the records of the {@link ManageTenant} resources name, in the order read (records whose name is not
     * a valid tenant are skipped: they could not have been created through the hook).
     */
    public List<String> tenants(AshRuntime runtime) {
        List<String> tenants = new ArrayList<>();
        for (Map.Entry<ResourceModel, TenantTemplate> entry : templates.entrySet()) {
            @SuppressWarnings("unchecked")
            ResourceService<Object> service = (ResourceService<Object>) runtime.service(entry.getKey().type());
            for (Object record : service.read(Query.all())) {
                try {
                    tenants.add(entry.getValue().tenant(name -> attribute(service, record, name)).value());
                } catch (RuntimeException e) {
                    // not a valid tenant name: no schema was ever made for it
                }
            }
        }
        return tenants;
    }

    @Override
    public boolean appliesTo(ResourceModel resource) {
        return templates.containsKey(resource);
    }

    @Override
    public void afterWrite(WriteEvent event) {
        TenantTemplate template = templates.get(event.resource());
        if (event.kind() == ActionKind.CREATE) {
            TenantName tenant = template.tenant(event::value);
            withConnection(connection -> migrator.migrateInTransaction(connection, tenant));
        } else if (event.kind() == ActionKind.UPDATE && event.before() != null) {
            TenantName before = template.tenant(event::previousValue);
            TenantName after = template.tenant(event::value);
            if (!before.equals(after)) {
                withConnection(connection -> {
                    TenantMigrator.renameInTransaction(connection, before, after);
                    return null;
                });
            }
        }
        // DESTROY: the schema stays (see the class comment)
    }

    private void withConnection(java.util.function.Function<Connection, Object> work) {
        Connection connection = DataSourceUtils.getConnection(dataSource); // the write's transaction's connection
        try {
            work.apply(connection);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** An attribute's value in a record (a belongs_to's key). */
    private static Object attribute(ResourceService<Object> service, Object record, String name) {
        io.ashspring.resource.model.AttributeModel attribute = service.resource().requireAttribute(name);
        try {
            Object component = record.getClass().getRecordComponents()[attribute.component()].getAccessor().invoke(record);
            return component instanceof io.ashspring.resource.Ref<?, ?> ref ? ref.id() : component;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not read " + service.resource().name() + "." + name, e);
        }
    }

    private static Map<ResourceModel, TenantTemplate> templates(ResourceRegistry registry) {
        Map<ResourceModel, TenantTemplate> templates = new LinkedHashMap<>();
        for (ResourceModel resource : registry.resources()) {
            ManageTenant annotation = resource.type().getAnnotation(ManageTenant.class);
            if (annotation != null) {
                templates.put(resource, TenantTemplate.of(resource, annotation));
            }
        }
        return templates;
    }
}
