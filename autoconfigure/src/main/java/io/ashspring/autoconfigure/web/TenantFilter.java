package io.ashspring.autoconfigure.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import io.ashspring.tenant.TenantName;
import io.ashspring.tenant.TenantScope;

/**
 * Binds the tenant a request names ({@link TenantResolver}) to the request's thread as the current
 * {@link TenantScope} while the request is handled, and always clears it afterwards, also when
 * the handler throws. A name that is not a valid tenant name answers 400 before any handler runs;
 * a request naming no tenant is handled without one (a call on a resource that needs one is then
 * refused, 400).
 */
public class TenantFilter extends OncePerRequestFilter implements Ordered {

    /** Early, so that every other filter and handler already sees the tenant. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    private final TenantResolver resolver;

    /** @param resolver reads the tenant a request names */
    public TenantFilter(TenantResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String named = resolver.resolve(request);
        if (named == null) {
            chain.doFilter(request, response);
            return;
        }
        String problem = TenantName.problem(named);
        if (problem != null) {
            reject(response, problem);
            return;
        }
        try (TenantScope.Binding ignored = TenantScope.open(TenantName.of(named))) {
            chain.doFilter(request, response);
        }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false; // an async dispatch runs on another thread: bind the tenant there as well
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    /** 400 as problem details; the name itself is not echoed (it may be anything a client sent). */
    private static void reject(HttpServletResponse response, String problem) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String detail = "The tenant this request names " + problem
                + "; use a name of ASCII letters, digits, '_' and '-' (at most 63 bytes)";
        response.getWriter().write("{\"type\":\"urn:ash:invalid-tenant\",\"title\":\"Invalid tenant\",\"status\":400,"
                + "\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
