package org.onetrip.store.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The terminal's SQLite file: WAL with {@code synchronous=FULL} (NORMAL can lose the last commits on power
 * loss), a busy timeout, and the schema brought up to date by Flyway at start. A file that fails
 * {@code PRAGMA integrity_check} (or cannot be opened as a database) is moved aside with its WAL and reported
 * loudly — an ERROR in the log, {@link #setAside()} for the heartbeat and the technician's screens; it is never
 * silently recreated over.
 */
public final class Database extends AbstractLifeCycle {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final String MIGRATIONS = "classpath:org/onetrip/store/db/migration";

    private final Path file;
    private final Clock clock;
    private final SQLiteDataSource dataSource;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Path setAside;
    /**
     * The store's own connection, open while started: every {@link #inTransaction} and {@link #read} runs on it,
     * one at a time. Opening and closing a connection per transaction would make SQLite checkpoint the WAL on
     * each last close — several extra fsyncs per seal.
     */
    private Connection shared;

    public Database(Path file, Clock clock) {
        this.file = file.toAbsolutePath();
        this.clock = clock;
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        this.dataSource = new SQLiteDataSource(config);
        this.dataSource.setUrl("jdbc:sqlite:" + this.file);
    }

    public Path file() {
        return file;
    }

    /** Where a corrupt file found at start was moved, if one was (the store then started empty). */
    public Optional<Path> setAside() {
        return Optional.ofNullable(setAside);
    }

    @Override
    protected void doStart() throws Exception {
        Files.createDirectories(file.getParent());
        if (Files.exists(file) && !healthy()) {
            Path aside = file.resolveSibling(file.getFileName() + ".corrupt-"
                    + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC).format(clock.instant()));
            moveAside(aside);
            setAside = aside;
            log.error("database[{}]: integrity check failed; the file was moved aside to {} and a new one started."
                    + " Sealed submissions may be recoverable from it: keep it and call the county's technician.",
                    file, aside);
        }
        Flyway.configure()
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                .load()
                .migrate();
        lock.lock();
        try {
            shared = dataSource.getConnection();
        } finally {
            lock.unlock();
        }
        log.info("database[{}]: ready", file);
    }

    private boolean healthy() {
        try (Connection c = dataSource.getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            String verdict = rs.next() ? rs.getString(1) : "no answer";
            if ("ok".equalsIgnoreCase(verdict)) {
                return true;
            }
            log.error("database[{}]: integrity check: {}", file, verdict);
            return false;
        } catch (SQLException e) {
            log.warn("database[{}]: cannot be opened for the integrity check: {}", file, e.getMessage());
            return false;
        }
    }

    private void moveAside(Path aside) throws IOException {
        if (Files.exists(aside)) {
            throw new IOException("database[" + file + "]: " + aside + " exists already; not overwriting it");
        }
        Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
        for (String suffix : new String[] {"-wal", "-shm"}) {
            Path companion = file.resolveSibling(file.getFileName() + suffix);
            if (Files.exists(companion)) {
                Files.move(companion, aside.resolveSibling(aside.getFileName() + suffix));
            }
        }
    }

    @Override
    protected void doStop() throws Exception {
        lock.lock();
        try {
            if (shared != null) {
                shared.close();
                shared = null;
            }
        } finally {
            lock.unlock();
        }
    }

    /** A new connection with the store's pragmas; the caller closes it. */
    public Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    /**
     * Runs {@code work} in one transaction: committed (and, with {@code synchronous=FULL}, on disk) when it
     * returns, rolled back when it throws. Called inside another transaction on the same thread, it joins it.
     * Do not keep the connection beyond {@code work}.
     */
    public <T> T inTransaction(SqlWork<T> work) {
        lock.lock();
        try {
            Connection c = connection();
            if (!c.getAutoCommit()) {
                return work.run(c);
            }
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("database[" + file + "]: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs a read (or a single auto-committed statement). */
    public <T> T read(SqlWork<T> work) {
        lock.lock();
        try {
            return work.run(connection());
        } catch (SQLException e) {
            throw new StoreException("database[" + file + "]: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private Connection connection() {
        if (shared == null) {
            throw new StoreException("database[" + file + "]: not started (" + getState() + ")");
        }
        return shared;
    }

    @Override
    public String toString() {
        return "database[" + file + "]@" + getState();
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
