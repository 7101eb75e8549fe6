package io.ashspring.resource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a resource's records belong to tenants.
 *
 * <pre>{@code
 * // one schema per tenant: the table exists in every tenant schema
 * @Resource(table = "tickets")
 * @Multitenancy(strategy = Multitenancy.Strategy.CONTEXT)
 * public record Ticket(@PrimaryKey UUID id, String subject) {}
 *
 * // one shared table: the organizationId column holds the tenant
 * @Resource(table = "invoices")
 * @Multitenancy(strategy = Multitenancy.Strategy.ATTRIBUTE, attribute = "organizationId")
 * public record Invoice(@PrimaryKey UUID id, String organizationId, BigDecimal total) {}
 * }</pre>
 *
 * Every call on such a resource needs a tenant ({@code tickets.forTenant("acme")}), unless
 * {@link #global()} allows calls without one. See {@code docs/multitenancy.md}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Multitenancy {

    /** How records are kept apart. */
    Strategy strategy();

    /** For {@link Strategy#ATTRIBUTE}: the attribute that holds the tenant. Not allowed with {@code CONTEXT}. */
    String attribute() default "";

    /**
     * {@code true}: calls without a tenant are allowed. For {@code CONTEXT} they use the resource's
     * own schema ({@code public} unless declared); for {@code ATTRIBUTE} they see every tenant's rows.
     */
    boolean global() default false;

    /** How a multitenant resource keeps tenants apart. */
    enum Strategy {
        /** One PostgreSQL schema per tenant, named by the tenant; the table exists in each. */
        CONTEXT,
        /** One shared table; an attribute holds the tenant and every statement filters and sets it. */
        ATTRIBUTE
    }
}
