package io.ashspring.autoconfigure.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;

/**
 * Reads the tenant a web request names, as given (the {@link TenantFilter} validates it). Define a
 * bean of this type to read it some other way (a claim of the signed-in user's token...).
 */
@FunctionalInterface
public interface TenantResolver {

    /** The tenant the request names, or {@code null} when it names none. */
    @Nullable String resolve(HttpServletRequest request);

    /** The value of a header: {@code X-Tenant: acme}. A blank value names no tenant. */
    static TenantResolver header(String name) {
        return request -> blankToNull(request.getHeader(name));
    }

    /**
     * The label before the base domain: {@code acme.example.com} with base domain {@code example.com}
     * is tenant {@code acme}. The base domain itself, another domain, or more than one label before
     * it ({@code a.b.example.com}) name no tenant.
     */
    static TenantResolver subdomain(String baseDomain) {
        String suffix = "." + baseDomain.toLowerCase(Locale.ROOT).replaceAll("^\\.+", "");
        return request -> {
            String host = request.getServerName();
            if (host == null) {
                return null;
            }
            host = host.toLowerCase(Locale.ROOT);
            if (!host.endsWith(suffix)) {
                return null;
            }
            String label = host.substring(0, host.length() - suffix.length());
            return label.isEmpty() || label.contains(".") ? null : label;
        };
    }

    /**
     * A segment of the request path (after the context path): with a prefix, the segment right after
     * it ({@code /tenants/acme/tickets} with prefix {@code /tenants}); without one, the segment at
     * {@code index} ({@code /acme/tickets} with index 0).
     */
    static TenantResolver path(@Nullable String prefix, int index) {
        String[] prefixSegments = prefix == null ? new String[0] : segments(prefix);
        return request -> {
            String path = request.getRequestURI();
            String context = request.getContextPath();
            if (path == null) {
                return null;
            }
            if (context != null && !context.isEmpty() && path.startsWith(context)) {
                path = path.substring(context.length());
            }
            String[] segments = segments(path);
            int at = index;
            if (prefix != null) {
                for (int i = 0; i < prefixSegments.length; i++) {
                    if (i >= segments.length || !segments[i].equals(prefixSegments[i])) {
                        return null;
                    }
                }
                at = prefixSegments.length;
            }
            return at < segments.length ? blankToNull(segments[at]) : null;
        };
    }

    private static String[] segments(String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/+");
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
