package org.onetrip.store.db;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's connection as the code inside {@link Database#inTransaction} and {@link Database#read} sees it:
 * {@code prepareStatement(sql)} hands out a statement compiled once and kept, and its {@code close()} only
 * closes its open result set and clears its parameters. The code keeps the ordinary JDBC idiom
 * ({@code try (PreparedStatement ps = c.prepareStatement(SQL))}) and stops paying for SQLite's parser on every
 * call: compiling the seal's seven statements each time cost more CPU than running them.
 *
 * <p>A statement still checked out (a nested use of the same SQL) gets a fresh, uncached one. At most
 * {@link #CAPACITY} statements are kept, least recently used evicted. Used under the database's lock only.
 */
final class StatementCache implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StatementCache.class);
    static final int CAPACITY = 128;

    private final Connection raw;
    private final Connection view;
    private final Map<String, Cached> statements = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            if (size() > CAPACITY && !eldest.getValue().inUse) {
                eldest.getValue().closeQuietly();
                return true;
            }
            return false;
        }
    };

    StatementCache(Connection raw) {
        this.raw = raw;
        this.view = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, this::onConnection);
    }

    /** The connection to hand to the store's code. */
    Connection connection() {
        return view;
    }

    /** The connection itself, for the transaction's own begin, commit and savepoints. */
    Connection raw() {
        return raw;
    }

    private Object onConnection(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("prepareStatement") && args != null && args.length == 1) {
            return checkOut((String) args[0]);
        }
        switch (method.getName()) {
            case "close" -> throw new SQLException("the store's connection is closed by the store, not by its users");
            case "commit", "rollback", "setAutoCommit" -> throw new SQLException(
                    "the store's transactions begin and end in Database.inTransaction (group commit), not in its work");
            default -> {
            }
        }
        return invoke(raw, method, args);
    }

    private PreparedStatement checkOut(String sql) throws SQLException {
        Cached cached = statements.get(sql);
        if (cached != null && cached.inUse) {
            return raw.prepareStatement(sql);
        }
        if (cached == null || cached.statement.isClosed()) {
            cached = new Cached(raw.prepareStatement(sql));
            statements.put(sql, cached);
        }
        cached.inUse = true;
        return cached.view;
    }

    @Override
    public void close() {
        statements.values().forEach(Cached::closeQuietly);
        statements.clear();
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static final class Cached {
        final PreparedStatement statement;
        final PreparedStatement view;
        boolean inUse;
        ResultSet lastResult;

        Cached(PreparedStatement statement) {
            this.statement = statement;
            this.view = (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, this::onStatement);
        }

        private Object onStatement(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close" -> {
                    checkIn();
                    return null;
                }
                case "isClosed" -> {
                    return !inUse;
                }
                case "executeQuery" -> {
                    lastResult = (ResultSet) invoke(statement, method, args);
                    return lastResult;
                }
                default -> {
                    return invoke(statement, method, args);
                }
            }
        }

        /** Back to the cache: its cursor reset (no read left open) and its parameters (blobs) let go. */
        private void checkIn() throws SQLException {
            if (!inUse) {
                return;
            }
            inUse = false;
            try {
                if (lastResult != null && !lastResult.isClosed()) {
                    lastResult.close();
                }
            } finally {
                lastResult = null;
                statement.clearParameters();
            }
        }

        void closeQuietly() {
            try {
                statement.close();
            } catch (SQLException e) {
                log.warn("database: a cached statement did not close: {}", e.getMessage());
            }
        }
    }
}
