package io.ashspring.benchmarks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.runtime.AshRuntime;
import io.ashspring.runtime.ResourceService;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** One embedded PostgreSQL 18 and one Hikari pool shared by every contender of a benchmark. */
final class Database implements AutoCloseable {

    final EmbeddedPostgres postgres;
    final HikariDataSource pool;
    final AshRuntime ash;
    final List<UUID> ticketIds = new ArrayList<>();

    Database(int tickets) throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        pool = pool(postgres);
        ResourceRegistry registry = ResourceRegistry.of(BenchTicket.class);
        MigrationGenerator.createSchema(pool, registry);
        ash = AshRuntime.of(registry, pool);
        ResourceService<BenchTicket> service = ash.service(BenchTicket.class);
        for (int i = 0; i < tickets; i++) {
            ticketIds.add(service.create(Map.of("subject", "Ticket " + i, "status", "open", "priority", i % 5)).id());
        }
    }

    /** One of the tickets, at random. */
    UUID anyTicketId() {
        return ticketIds.get(ThreadLocalRandom.current().nextInt(ticketIds.size()));
    }

    /** The pool every contender of a benchmark shares: four connections to the embedded server. */
    static HikariDataSource pool(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    @Override
    public void close() throws IOException {
        pool.close();
        postgres.close();
    }
}
