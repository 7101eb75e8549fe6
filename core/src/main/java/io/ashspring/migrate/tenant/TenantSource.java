package io.ashspring.migrate.tenant;

import java.util.List;

/**
 * Where the tenants to migrate come from: an application's registry of tenants (a table, a configuration
 * service). Spring Boot applications declare one as a bean; without one, the tenants are the schemas named by the
 * records of the {@code @ManageTenant} resource.
 *
 * <pre>{@code
 * @Bean
 * TenantSource tenants(JdbcClient jdbc) {
 *     return () -> jdbc.sql("SELECT slug FROM customers").query(String.class).list();
 * }
 * }</pre>
 */
@FunctionalInterface
public interface TenantSource {

    /** The tenant names (each also its schema's name), in the order to migrate them. */
    List<String> tenants();
}
