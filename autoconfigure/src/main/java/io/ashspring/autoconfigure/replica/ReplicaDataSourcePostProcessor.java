package io.ashspring.autoconfigure.replica;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

import io.ashspring.runtime.replica.ReplicaRouting;

/**
 * Wraps the application's DataSource (the bean named {@code dataSource}) in Spring's
 * {@link LazyConnectionDataSourceProxy} whose read-only DataSource is the replica routing: a transaction
 * marked read-only ({@code @Transactional(readOnly = true)}) takes its connection from a replica, every
 * other one (and every migration) from the primary.
 */
final class ReplicaDataSourcePostProcessor implements BeanPostProcessor {

    /** The bean Spring Boot's DataSource auto-configuration defines. */
    static final String DATA_SOURCE_BEAN = "dataSource";

    private final ObjectProvider<ReplicaRouting> routing;

    ReplicaDataSourcePostProcessor(ObjectProvider<ReplicaRouting> routing) {
        this.routing = routing;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!DATA_SOURCE_BEAN.equals(beanName) || !(bean instanceof DataSource primary)
                || bean instanceof LazyConnectionDataSourceProxy) {
            return bean;
        }
        LazyConnectionDataSourceProxy proxy = new LazyConnectionDataSourceProxy(primary);
        proxy.setReadOnlyDataSource(new RoutingWhenAsked(routing, primary)); // the routing needs this bean: look it up later
        return proxy;
    }

    /** The primary behind the proxy this post-processor made, or the DataSource itself. */
    static DataSource primary(DataSource dataSource) {
        return dataSource instanceof LazyConnectionDataSourceProxy proxy && proxy.getTargetDataSource() != null
                ? proxy.getTargetDataSource() : dataSource;
    }

    /**
     * The routing's DataSource, looked up at the first connection; the primary when the application
     * replaced the routing by a {@code ReadRouting} of its own.
     */
    private static final class RoutingWhenAsked extends AbstractDataSource {

        private final ObjectProvider<ReplicaRouting> routing;
        private final DataSource primary;
        private volatile DataSource target;

        RoutingWhenAsked(ObjectProvider<ReplicaRouting> routing, DataSource primary) {
            this.routing = routing;
            this.primary = primary;
        }

        private DataSource target() {
            DataSource resolved = target;
            if (resolved == null) {
                ReplicaRouting replicas = routing.getIfAvailable();
                resolved = replicas != null ? replicas.dataSource() : primary;
                target = resolved;
            }
            return resolved;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return target().getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return target().getConnection(username, password);
        }
    }
}
