package io.ashspring.runtime;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

/** Wraps a DataSource so that every statement prepared or created through its connections is counted (and its SQL kept). */
final class StatementCounter {

    private final AtomicInteger statements = new AtomicInteger();
    private final List<String> sql = new CopyOnWriteArrayList<>();
    private final DataSource dataSource;

    StatementCounter(DataSource target) {
        this.dataSource = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    return result instanceof Connection connection ? counting(connection) : result;
                });
    }

    DataSource dataSource() {
        return dataSource;
    }

    int count() {
        return statements.get();
    }

    /** The SQL text of the statements prepared, in order. */
    List<String> sql() {
        return List.copyOf(sql);
    }

    void reset() {
        statements.set(0);
        sql.clear();
    }

    private Connection counting(Connection connection) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.equals("prepareStatement") || name.equals("prepareCall") || name.equals("createStatement")) {
                        statements.incrementAndGet();
                        if (args != null && args.length > 0 && args[0] instanceof String text) {
                            sql.add(text);
                        }
                    }
                    return invoke(connection, method, args);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
