package io.ashspring.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
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
    private final Datasource datasource = new Datasource();

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
     * Returns the read replica settings.
     * @return the read replica settings
     */
    public Datasource getDatasource() {
        return this.datasource;
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
         * Streaming standbys of the embedded server to start, each a read replica
         * (see docs/replicas.md). 0 starts none.
         */
        private int replicas;

        /**
         * Returns how many streaming standbys of the embedded server start.
         * @return the number of standbys
         */
        public int getReplicas() {
            return this.replicas;
        }

        /**
         * Sets how many streaming standbys of the embedded server start.
         * @param replicas the number of standbys
         */
        public void setReplicas(int replicas) {
            this.replicas = replicas;
        }

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

    /**
     * Read replicas beside the primary spring.datasource (see docs/replicas.md).
     */
    public static class Datasource {

        /**
         * Read replicas: lone reads and read-only transactions go to them.
         */
        private List<Replica> replicas = new ArrayList<>();

        /**
         * Which reads must see earlier writes: 'thread' (the thread that wrote), 'application'
         * (every thread) or 'none'.
         */
        private io.ashspring.runtime.replica.ReadYourWrites readYourWrites = io.ashspring.runtime.replica.ReadYourWrites.THREAD;

        /**
         * How often each replica is checked (whether it answers, and its lag).
         */
        private Duration replicaCheckInterval = Duration.ofSeconds(1);

        /**
         * Returns the read replicas.
         * @return the replicas, never {@code null}
         */
        public List<Replica> getReplicas() {
            return this.replicas;
        }

        /**
         * Sets the read replicas.
         * @param replicas the replicas
         */
        public void setReplicas(List<Replica> replicas) {
            this.replicas = replicas;
        }

        /**
         * Returns which reads must see earlier writes.
         * @return the read-your-writes scope
         */
        public io.ashspring.runtime.replica.ReadYourWrites getReadYourWrites() {
            return this.readYourWrites;
        }

        /**
         * Sets which reads must see earlier writes.
         * @param readYourWrites the read-your-writes scope
         */
        public void setReadYourWrites(io.ashspring.runtime.replica.ReadYourWrites readYourWrites) {
            this.readYourWrites = readYourWrites;
        }

        /**
         * Returns how often each replica is checked.
         * @return the interval
         */
        public Duration getReplicaCheckInterval() {
            return this.replicaCheckInterval;
        }

        /**
         * Sets how often each replica is checked.
         * @param replicaCheckInterval the interval
         */
        public void setReplicaCheckInterval(Duration replicaCheckInterval) {
            this.replicaCheckInterval = replicaCheckInterval;
        }

        /**
         * One read replica: where to connect, how far it may lag, its pool.
         */
        public static class Replica {

            /**
             * JDBC URL of the replica.
             */
            private @Nullable String url;

            /**
             * Login user; the primary's (spring.datasource.username) when not set.
             */
            private @Nullable String username;

            /**
             * Login password; the primary's (spring.datasource.password) when not set.
             */
            private @Nullable String password;

            /**
             * Lag behind the primary past which reads skip the replica until it catches up.
             */
            private Duration maxLag = Duration.ofSeconds(10);

            /**
             * How long a read waits for a connection of this replica before moving on.
             */
            private Duration connectionTimeout = Duration.ofSeconds(1);

            /**
             * Largest number of connections of the replica's pool.
             */
            private int maximumPoolSize = 10;

            /**
             * Other HikariCP settings of the replica's pool, by HikariConfig property name
             * (for example 'minimumIdle', 'maxLifetime').
             */
            private Map<String, String> hikari = new LinkedHashMap<>();

            /**
             * Returns the JDBC URL.
             * @return the URL, or {@code null}
             */
            public @Nullable String getUrl() {
                return this.url;
            }

            /**
             * Sets the JDBC URL.
             * @param url the URL
             */
            public void setUrl(@Nullable String url) {
                this.url = url;
            }

            /**
             * Returns the login user.
             * @return the user, or {@code null} for the primary's
             */
            public @Nullable String getUsername() {
                return this.username;
            }

            /**
             * Sets the login user.
             * @param username the user
             */
            public void setUsername(@Nullable String username) {
                this.username = username;
            }

            /**
             * Returns the login password.
             * @return the password, or {@code null} for the primary's
             */
            public @Nullable String getPassword() {
                return this.password;
            }

            /**
             * Sets the login password.
             * @param password the password
             */
            public void setPassword(@Nullable String password) {
                this.password = password;
            }

            /**
             * Returns the lag past which reads skip the replica.
             * @return the lag
             */
            public Duration getMaxLag() {
                return this.maxLag;
            }

            /**
             * Sets the lag past which reads skip the replica.
             * @param maxLag the lag
             */
            public void setMaxLag(Duration maxLag) {
                this.maxLag = maxLag;
            }

            /**
             * Returns how long a read waits for a connection.
             * @return the timeout
             */
            public Duration getConnectionTimeout() {
                return this.connectionTimeout;
            }

            /**
             * Sets how long a read waits for a connection.
             * @param connectionTimeout the timeout
             */
            public void setConnectionTimeout(Duration connectionTimeout) {
                this.connectionTimeout = connectionTimeout;
            }

            /**
             * Returns the largest number of connections.
             * @return the pool size
             */
            public int getMaximumPoolSize() {
                return this.maximumPoolSize;
            }

            /**
             * Sets the largest number of connections.
             * @param maximumPoolSize the pool size
             */
            public void setMaximumPoolSize(int maximumPoolSize) {
                this.maximumPoolSize = maximumPoolSize;
            }

            /**
             * Returns other HikariCP settings.
             * @return the settings, never {@code null}
             */
            public Map<String, String> getHikari() {
                return this.hikari;
            }

            /**
             * Sets other HikariCP settings.
             * @param hikari the settings
             */
            public void setHikari(Map<String, String> hikari) {
                this.hikari = hikari;
            }
        }
    }
}
