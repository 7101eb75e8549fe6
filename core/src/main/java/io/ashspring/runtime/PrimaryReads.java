package io.ashspring.runtime;

import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link ReadRouting#primary()}: every read on the primary. */
enum PrimaryReads implements ReadRouting {
    INSTANCE;

    @Override
    public <R> R read(Supplier<R> read) {
        return read.get();
    }

    @Override
    public JdbcClient client(JdbcClient primary) {
        return primary;
    }

    @Override
    public void written() {
    }
}
