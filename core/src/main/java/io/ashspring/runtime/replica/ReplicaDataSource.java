package io.ashspring.runtime.replica;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.jdbc.datasource.AbstractDataSource;

/** The DataSource of reads: each connection from {@link ReplicaRouting#connection()}. */
final class ReplicaDataSource extends AbstractDataSource {

    private final ReplicaRouting routing;

    ReplicaDataSource(ReplicaRouting routing) {
        this.routing = routing;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return routing.connection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLException("Replica connections use the credentials of each replica's pool (ash.datasource.replicas)");
    }
}
