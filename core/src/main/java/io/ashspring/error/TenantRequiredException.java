package io.ashspring.error;

/**
 * A call on a multitenant resource carried no tenant, and the resource is not declared
 * {@code global}. Raised before any SQL runs; the web layer answers it with 400.
 */
public class TenantRequiredException extends AshException {

    private final String resource;

    /** @param resource the name of the resource the call needed a tenant for */
    public TenantRequiredException(String resource) {
        super(resource + " is multitenant, so every call on it needs a tenant, and this one has none: call it through "
                + "service.forTenant(\"acme\") (or ActionContext.withTenant, TenantScope.run(\"acme\", ...)), send the "
                + "tenant in the request (the X-Tenant header by default, see ash.tenancy.resolver), or declare "
                + "@Multitenancy(..., global = true) to allow calls without one");
        this.resource = resource;
    }

    /** The name of the resource that needed a tenant. */
    public String resource() {
        return resource;
    }
}
