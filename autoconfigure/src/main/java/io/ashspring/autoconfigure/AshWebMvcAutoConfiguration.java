package io.ashspring.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.DispatcherServlet;

import io.ashspring.autoconfigure.web.AshProblemDetailsExceptionHandler;
import io.ashspring.autoconfigure.web.TenantFilter;
import io.ashspring.autoconfigure.web.TenantResolver;

/**
 * In a Spring MVC application: Ash errors answer as problem details (422 with field errors, 404,
 * 400), unless the application defines its own {@link AshProblemDetailsExceptionHandler}; and with
 * {@code ash.tenancy.resolver} set, a {@link TenantFilter} binds each request's tenant.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@EnableConfigurationProperties(AshProperties.class)
@Import(AshWebMvcAutoConfiguration.Tenancy.class)
public final class AshWebMvcAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AshProblemDetailsExceptionHandler ashProblemDetailsExceptionHandler() {
        return new AshProblemDetailsExceptionHandler();
    }

    /** The tenant filter, when {@code ash.tenancy.resolver} names where requests carry their tenant. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "ash.tenancy", name = "resolver")
    static class Tenancy {

        @Bean
        @ConditionalOnMissingBean
        TenantResolver ashTenantResolver(AshProperties properties) {
            AshProperties.Tenancy tenancy = properties.getTenancy();
            AshProperties.TenantResolverKind kind = tenancy.getResolver();
            if (kind == null) {
                throw new IllegalStateException("ash.tenancy.resolver is empty: set header, subdomain or path");
            }
            return switch (kind) {
                case HEADER -> TenantResolver.header(tenancy.getHeaderName());
                case SUBDOMAIN -> {
                    if (tenancy.getBaseDomain() == null || tenancy.getBaseDomain().isBlank()) {
                        throw new IllegalStateException("ash.tenancy.resolver=subdomain needs ash.tenancy.base-domain "
                                + "(e.g. example.com, so that acme.example.com is tenant acme)");
                    }
                    yield TenantResolver.subdomain(tenancy.getBaseDomain());
                }
                case PATH -> TenantResolver.path(tenancy.getPathPrefix(), tenancy.getPathIndex());
            };
        }

        @Bean
        @ConditionalOnMissingBean
        TenantFilter ashTenantFilter(TenantResolver resolver) {
            return new TenantFilter(resolver);
        }
    }
}
