package io.ashspring.resource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a resource's records the tenants: creating a record creates its tenant's schema and migrates it in the
 * same transaction; changing an attribute the template names renames the schema ({@code ALTER SCHEMA ... RENAME});
 * destroying a record leaves the schema (its data is not deleted by accident: drop it yourself once archived).
 *
 * <pre>{@code
 * @Resource(table = "organizations")
 * @ManageTenant(template = "org_{slug}")
 * public record Organization(@PrimaryKey UUID id, String slug, String name) {}
 *
 * organizations.create(Map.of("slug", "acme", "name", "Acme"));   // schema org_acme, with every tenant table
 * }</pre>
 *
 * The tenant name (and schema) is the template with each {@code {attribute}} replaced by the record's value; it
 * must be a valid tenant name ({@code io.ashspring.tenant.TenantName}), or the write fails. Needs the tenant
 * migrations ({@code ash.tenancy.migrations.enabled}, on by default). See {@code docs/tenant-migrations.md}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ManageTenant {

    /** The tenant name of a record: text with {@code {attribute}} placeholders, e.g. {@code "org_{slug}"} or {@code "{slug}"}. */
    String template();
}
