package io.ashspring.autoconfigure.web;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.ServletException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.ashspring.autoconfigure.AshWebMvcAutoConfiguration;
import io.ashspring.error.TenantRequiredException;
import io.ashspring.tenant.TenantName;
import io.ashspring.tenant.TenantScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Where a request's tenant is read, how it is bound while the request runs, and that it is always cleared. */
class TenantResolutionTests {

    @AfterEach
    void noTenantLeftBound() {
        assertThat(TenantScope.current()).isNull();
    }

    private static MockHttpServletRequest request(String host, String uri) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        request.setServerName(host);
        return request;
    }

    @Test
    void theHeaderResolverReadsTheHeader() {
        MockHttpServletRequest request = request("localhost", "/tickets");
        request.addHeader("X-Tenant", "acme");
        assertThat(TenantResolver.header("X-Tenant").resolve(request)).isEqualTo("acme");
        assertThat(TenantResolver.header("X-Org").resolve(request)).isNull();
        request = request("localhost", "/tickets");
        request.addHeader("X-Tenant", "  ");
        assertThat(TenantResolver.header("X-Tenant").resolve(request)).isNull();
    }

    @Test
    void theSubdomainResolverReadsTheLabelBeforeTheBaseDomain() {
        TenantResolver resolver = TenantResolver.subdomain("example.com");
        assertThat(resolver.resolve(request("acme.example.com", "/"))).isEqualTo("acme");
        assertThat(resolver.resolve(request("ACME.Example.com", "/"))).isEqualTo("acme");
        assertThat(resolver.resolve(request("example.com", "/"))).isNull();
        assertThat(resolver.resolve(request("a.b.example.com", "/"))).isNull();
        assertThat(resolver.resolve(request("acme.example.org", "/"))).isNull();
        assertThat(resolver.resolve(request("evilexample.com", "/"))).isNull();
    }

    @Test
    void thePathResolverReadsASegment() {
        assertThat(TenantResolver.path(null, 0).resolve(request("h", "/acme/tickets"))).isEqualTo("acme");
        assertThat(TenantResolver.path(null, 1).resolve(request("h", "/api/globex/tickets"))).isEqualTo("globex");
        assertThat(TenantResolver.path("/tenants", 0).resolve(request("h", "/tenants/acme/tickets"))).isEqualTo("acme");
        assertThat(TenantResolver.path("/tenants", 0).resolve(request("h", "/other/acme"))).isNull();
        assertThat(TenantResolver.path(null, 3).resolve(request("h", "/a/b"))).isNull();
        MockHttpServletRequest withContext = request("h", "/app/acme/tickets");
        withContext.setContextPath("/app");
        assertThat(TenantResolver.path(null, 0).resolve(withContext)).isEqualTo("acme");
    }

    @Test
    void theFilterBindsTheTenantWhileTheRequestRunsAndClearsItAfter() throws Exception {
        AtomicReference<TenantName> seen = new AtomicReference<>();
        MockHttpServletRequest request = request("localhost", "/tickets");
        request.addHeader("X-Tenant", "acme");

        new TenantFilter(TenantResolver.header("X-Tenant")).doFilter(request, new MockHttpServletResponse(),
                new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
                    @Override
                    protected void service(jakarta.servlet.http.HttpServletRequest req,
                                           jakarta.servlet.http.HttpServletResponse res) {
                        seen.set(TenantScope.current());
                    }
                }));

        assertThat(seen.get()).isEqualTo(TenantName.of("acme"));
        assertThat(TenantScope.current()).isNull();
    }

    @Test
    void theTenantIsClearedWhenTheHandlerThrows() {
        MockHttpServletRequest request = request("localhost", "/tickets");
        request.addHeader("X-Tenant", "acme");

        assertThatThrownBy(() -> new TenantFilter(TenantResolver.header("X-Tenant")).doFilter(request,
                new MockHttpServletResponse(), (req, res) -> {
                    assertThat(TenantScope.current()).isEqualTo(TenantName.of("acme"));
                    throw new ServletException("handler failed");
                })).isInstanceOf(ServletException.class);

        assertThat(TenantScope.current()).isNull();
    }

    @Test
    void anInvalidTenantNameAnswers400AndNoHandlerRuns() throws Exception {
        for (String hostile : new String[] {"a\"b", "x;DROP TABLE t", "pg_catalog", "public", "t".repeat(64), "ténant"}) {
            MockHttpServletRequest request = request("localhost", "/tickets");
            request.addHeader("X-Tenant", hostile);
            MockHttpServletResponse response = new MockHttpServletResponse();
            MockFilterChain chain = new MockFilterChain();

            new TenantFilter(TenantResolver.header("X-Tenant")).doFilter(request, response, chain);

            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(response.getContentType()).startsWith("application/problem+json");
            assertThat(response.getContentAsString()).contains("urn:ash:invalid-tenant").doesNotContain(hostile);
            assertThat(chain.getRequest()).isNull();
        }
    }

    @RestController
    static class Whoami {
        @GetMapping("/whoami")
        String whoami() {
            TenantName tenant = TenantScope.current();
            if (tenant == null) {
                throw new TenantRequiredException("Ticket");
            }
            return tenant.value();
        }

        @GetMapping("/boom")
        String boom() {
            throw new IllegalStateException("boom");
        }
    }

    @Test
    void overMvcEachRequestSeesItsOwnTenantAndNoneIsLeftBehind() throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new Whoami())
                .setControllerAdvice(new AshProblemDetailsExceptionHandler())
                .addFilters(new TenantFilter(TenantResolver.header("X-Tenant"))).build();

        mvc.perform(get("/whoami").header("X-Tenant", "acme")).andExpect(content().string("acme"));
        mvc.perform(get("/whoami").header("X-Tenant", "globex")).andExpect(content().string("globex"));
        mvc.perform(get("/whoami")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:ash:tenant-required"))
                .andExpect(jsonPath("$.resource").value("Ticket"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("X-Tenant")));
        assertThatThrownBy(() -> mvc.perform(get("/boom").header("X-Tenant", "acme"))).hasRootCauseMessage("boom");
        assertThat(TenantScope.current()).isNull();
    }

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AshWebMvcAutoConfiguration.class));

    @Test
    void theFilterIsConfiguredOnlyWhenAResolverIsNamed() {
        web.run(context -> assertThat(context).doesNotHaveBean(TenantFilter.class));
        web.withPropertyValues("ash.tenancy.resolver=header", "ash.tenancy.header-name=X-Org").run(context -> {
            assertThat(context).hasSingleBean(TenantFilter.class);
            MockHttpServletRequest request = request("localhost", "/");
            request.addHeader("X-Org", "acme");
            assertThat(context.getBean(TenantResolver.class).resolve(request)).isEqualTo("acme");
        });
        web.withPropertyValues("ash.tenancy.resolver=path", "ash.tenancy.path-prefix=/t").run(context ->
                assertThat(context.getBean(TenantResolver.class).resolve(request("h", "/t/acme/x"))).isEqualTo("acme"));
        web.withPropertyValues("ash.tenancy.resolver=subdomain", "ash.tenancy.base-domain=example.com").run(context ->
                assertThat(context.getBean(TenantResolver.class).resolve(request("acme.example.com", "/"))).isEqualTo("acme"));
    }

    @Test
    void aSubdomainResolverWithoutBaseDomainFailsNamingTheProperty() {
        web.withPropertyValues("ash.tenancy.resolver=subdomain").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("ash.tenancy.base-domain"));
    }

    @Test
    void anApplicationResolverWins() {
        web.withPropertyValues("ash.tenancy.resolver=header").withBean(TenantResolver.class, () -> request -> "fixed")
                .run(context -> assertThat(context.getBean(TenantResolver.class).resolve(request("h", "/"))).isEqualTo("fixed"));
    }
}
