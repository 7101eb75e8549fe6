package io.ashspring.autoconfigure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for Ash for Spring, bound from the {@code ash.*} namespace.
 *
 * <p>Each group of settings is a nested static class, exposed through a getter so that
 * {@code spring-boot-configuration-processor} can describe it in the IDE metadata.
 */
@ConfigurationProperties("ash")
public class AshProperties {

    private final Embedded embedded = new Embedded();

    private final Resources resources = new Resources();

    private final Migrations migrations = new Migrations();

    private final Tenancy tenancy = new Tenancy();

    /**
     * PostgreSQL extensions to install, added to those the resources declare or imply. Read by
     * the generate and verify startup modes; pass the same list to ash:codegen (-Dash.extensions).
     */
    private List<String> extensions = new ArrayList<>();

    /**
     * Returns the settings of the embedded PostgreSQL server.
     * @return the embedded server settings
     */
    public Embedded getEmbedded() {
        return this.embedded;
    }

    /**
     * Returns the settings for discovering resources.
     * @return the resource settings
     */
    public Resources getResources() {
        return this.resources;
    }

    /**
     * Returns the settings for migrations at startup.
     * @return the migration settings
     */
    public Migrations getMigrations() {
        return this.migrations;
    }

    /**
     * Returns how web requests name their tenant.
     * @return the tenancy settings
     */
    public Tenancy getTenancy() {
        return this.tenancy;
    }

    /**
     * Returns the extensions to install besides those the resources declare.
     * @return the extensions, never {@code null}
     */
    public List<String> getExtensions() {
        return this.extensions;
    }

    /**
     * Sets the extensions to install besides those the resources declare.
     * @param extensions the extensions
     */
    public void setExtensions(List<String> extensions) {
        this.extensions = extensions;
    }

    /**
     * How the database schema follows the resources at startup.
     */
    public static class Migrations {

        /**
         * apply: run the committed changelogs through Spring Boot's Liquibase integration (the
         * default when the master changelog exists); generate: diff the resources against the state
         * recorded in the database and apply the difference, never dropping (the default when there
         * is no master changelog); verify: refuse to start while the resources differ from the
         * committed changelogs, then apply them; none: leave the schema alone.
         */
        private io.ashspring.autoconfigure.schema.MigrationMode mode;

        /**
         * Table where the generate mode records the state it migrated the database to, as
         * name or schema.name.
         */
        private String stateTable = "ash_schema_state";

        /**
         * Whether to compare the live database with the resources at startup, after the
         * migration (apply, verify and generate modes): every table must exist with the
         * resources' columns, their types and nullability, primary key and unique indexes,
         * or the application refuses to start listing each difference. In generate mode it
         * also refuses to adopt existing tables whose columns have other types.
         */
        private boolean verifyCatalog = true;

        /**
         * Returns the mode, or null to choose by whether a master changelog exists.
         * @return the mode
         */
        public io.ashspring.autoconfigure.schema.MigrationMode getMode() {
            return this.mode;
        }

        /**
         * Sets the mode.
         * @param mode the mode
         */
        public void setMode(io.ashspring.autoconfigure.schema.MigrationMode mode) {
            this.mode = mode;
        }

        /**
         * Returns the table of the generate mode's recorded state.
         * @return the table, name or schema.name
         */
        public String getStateTable() {
            return this.stateTable;
        }

        /**
         * Sets the table of the generate mode's recorded state.
         * @param stateTable the table, name or schema.name
         */
        public void setStateTable(String stateTable) {
            this.stateTable = stateTable;
        }

        /**
         * Returns whether the live database is compared with the resources at startup.
         * @return whether the catalog check runs
         */
        public boolean isVerifyCatalog() {
            return this.verifyCatalog;
        }

        /**
         * Sets whether the live database is compared with the resources at startup.
         * @param verifyCatalog whether the catalog check runs
         */
        public void setVerifyCatalog(boolean verifyCatalog) {
            this.verifyCatalog = verifyCatalog;
        }

    }

    /**
     * Settings of the embedded PostgreSQL server that is started when the application
     * configures no database of its own and {@code ash-spring-boot-embedded} is on the class path.
     */
    public static class Embedded {

        /**
         * Whether to start an embedded PostgreSQL when no spring.datasource.url is set (needs
         * the ash-spring-boot-embedded dependency).
         */
        private boolean enabled = true;

        /**
         * Directory holding the embedded server's data. When set, the directory is created
         * if missing and its data is kept across restarts. When not set, a temporary
         * directory is used and deleted at shutdown.
         */
        private @Nullable Path dataDirectory;

        /**
         * Port of the embedded server. 0 picks a free port at each start.
         */
        private int port;

        /**
         * Settings passed to the embedded server as postgresql.conf parameters, for
         * example 'shared_buffers'. Names containing a dot need the bracket notation:
         * ash.embedded.server-config[auto_explain.log_min_duration].
         */
        private Map<String, String> serverConfig = new LinkedHashMap<>();

        /**
         * Returns whether to start an embedded PostgreSQL when no
         * {@code spring.datasource.url} is set.
         * @return whether the embedded server is enabled
         */
        public boolean isEnabled() {
            return this.enabled;
        }

        /**
         * Sets whether to start an embedded PostgreSQL when no
         * {@code spring.datasource.url} is set.
         * @param enabled whether the embedded server is enabled
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * Returns the directory holding the server's data, or {@code null} for a
         * temporary directory deleted at shutdown.
         * @return the data directory, or {@code null}
         */
        public @Nullable Path getDataDirectory() {
            return this.dataDirectory;
        }

        /**
         * Sets the directory holding the server's data; {@code null} uses a temporary
         * directory deleted at shutdown.
         * @param dataDirectory the data directory, or {@code null}
         */
        public void setDataDirectory(@Nullable Path dataDirectory) {
            this.dataDirectory = dataDirectory;
        }

        /**
         * Returns the port of the server; 0 picks a free port.
         * @return the port, or 0
         */
        public int getPort() {
            return this.port;
        }

        /**
         * Sets the port of the server; 0 picks a free port.
         * @param port the port, or 0
         */
        public void setPort(int port) {
            this.port = port;
        }

        /**
         * Returns the postgresql.conf parameters passed to the server.
         * @return the server parameters, never {@code null}
         */
        public Map<String, String> getServerConfig() {
            return this.serverConfig;
        }

        /**
         * Sets the postgresql.conf parameters passed to the server.
         * @param serverConfig the server parameters
         */
        public void setServerConfig(Map<String, String> serverConfig) {
            this.serverConfig = serverConfig;
        }

    }

    /**
     * Settings for discovering the application's resources.
     */
    public static class Resources {

        /**
         * Packages scanned for resources. When empty, the auto-configuration packages
         * are scanned, that is the package of the @SpringBootApplication class.
         */
        private List<String> packages = new ArrayList<>();

        /**
         * Returns the packages scanned for resources; empty means the
         * auto-configuration packages.
         * @return the packages, never {@code null}
         */
        public List<String> getPackages() {
            return this.packages;
        }

        /**
         * Sets the packages scanned for resources; empty means the auto-configuration
         * packages.
         * @param packages the packages
         */
        public void setPackages(List<String> packages) {
            this.packages = packages;
        }

    }

    /**
     * How a web request names its tenant, for multitenant resources (see docs/multitenancy.md).
     * Unset: requests carry no tenant (services still take one with forTenant).
     */
    public static class Tenancy {

        /**
         * Where the tenant of a web request is read: header (the header-name header), subdomain
         * (the label before base-domain) or path (a segment of the path). Unset: no tenant filter.
         */
        private @Nullable TenantResolverKind resolver;

        /**
         * The header naming the tenant, for the header resolver.
         */
        private String headerName = "X-Tenant";

        /**
         * The domain tenants are subdomains of ("example.com": acme.example.com is tenant acme), for
         * the subdomain resolver.
         */
        private @Nullable String baseDomain;

        /**
         * For the path resolver: the path before the tenant's segment ("/tenants": /tenants/acme/tickets
         * is tenant acme). Unset: the segment at path-index.
         */
        private @Nullable String pathPrefix;

        /**
         * For the path resolver without path-prefix: the index of the path segment holding the tenant
         * (0: /acme/tickets is tenant acme).
         */
        private int pathIndex;

        /**
         * Returns where a request's tenant is read.
         * @return the resolver, or {@code null} for no tenant filter
         */
        public @Nullable TenantResolverKind getResolver() {
            return this.resolver;
        }

        /**
         * Sets where a request's tenant is read.
         * @param resolver the resolver
         */
        public void setResolver(@Nullable TenantResolverKind resolver) {
            this.resolver = resolver;
        }

        /**
         * Returns the header naming the tenant.
         * @return the header name
         */
        public String getHeaderName() {
            return this.headerName;
        }

        /**
         * Sets the header naming the tenant.
         * @param headerName the header name
         */
        public void setHeaderName(String headerName) {
            this.headerName = headerName;
        }

        /**
         * Returns the domain tenants are subdomains of.
         * @return the base domain
         */
        public @Nullable String getBaseDomain() {
            return this.baseDomain;
        }

        /**
         * Sets the domain tenants are subdomains of.
         * @param baseDomain the base domain
         */
        public void setBaseDomain(@Nullable String baseDomain) {
            this.baseDomain = baseDomain;
        }

        /**
         * Returns the path before the tenant's segment.
         * @return the prefix
         */
        public @Nullable String getPathPrefix() {
            return this.pathPrefix;
        }

        /**
         * Sets the path before the tenant's segment.
         * @param pathPrefix the prefix
         */
        public void setPathPrefix(@Nullable String pathPrefix) {
            this.pathPrefix = pathPrefix;
        }

        /**
         * Returns the index of the path segment holding the tenant.
         * @return the index
         */
        public int getPathIndex() {
            return this.pathIndex;
        }

        /**
         * Sets the index of the path segment holding the tenant.
         * @param pathIndex the index
         */
        public void setPathIndex(int pathIndex) {
            this.pathIndex = pathIndex;
        }
    }

    /** Where a web request's tenant is read. */
    public enum TenantResolverKind {
        /** A request header ({@code ash.tenancy.header-name}, {@code X-Tenant} by default). */
        HEADER,
        /** The subdomain of {@code ash.tenancy.base-domain} the request was sent to. */
        SUBDOMAIN,
        /** A segment of the request path. */
        PATH
    }
}
