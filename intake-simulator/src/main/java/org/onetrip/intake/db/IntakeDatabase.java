package org.onetrip.intake.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The simulator's SQLite database. Correctness over speed: a single connection, and {@link #inTransaction}
 * runs one unit of work at a time, committed (and fsync'd, {@code synchronous=FULL}) before it returns.
 */
public final class IntakeDatabase implements AutoCloseable {
    static final String MIGRATIONS = "classpath:org/onetrip/intake/db/migration";

    private final Path file;
    private final Connection connection;

    private IntakeDatabase(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** A unit of work on the connection; the caller's transaction commits when it returns normally. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Opens (creating when missing) and migrates the database file. */
    public static IntakeDatabase open(Path file) {
        Path absolute = file.toAbsolutePath();
        SQLiteDataSource dataSource = dataSource(absolute);
        try {
            Path parent = absolute.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Flyway.configure(IntakeDatabase.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(MIGRATIONS)
                    .load()
                    .migrate();
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            return new IntakeDatabase(absolute, connection);
        } catch (IOException | SQLException | FlywayException e) {
            throw new IntakeStorageException("intake db[" + absolute + "]: cannot open or migrate: "
                    + e.getMessage() + "; check that the directory is writable and the file is this simulator's", e);
        }
    }

    private static SQLiteDataSource dataSource(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(5_000);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file);
        return dataSource;
    }

    /** Runs {@code work} in a transaction of its own: committed when it returns, rolled back when it throws. */
    public synchronized <T> T inTransaction(Work<T> work) {
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            rollback(e);
            if (e instanceof SQLException sql) {
                throw new IntakeStorageException("intake db[" + file + "]: " + sql.getMessage(), sql);
            }
            throw (RuntimeException) e;
        }
    }

    private void rollback(Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IntakeStorageException("intake db[" + file + "]: cannot close: " + e.getMessage(), e);
        }
    }
}
