package org.onetrip.store.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.flywaydb.core.Flyway;
import org.onetrip.store.crypto.DataCipher;
import org.onetrip.store.crypto.DataKeyException;
import org.onetrip.store.crypto.DataKeys;
import org.onetrip.store.crypto.FileKeyWrapper;
import org.onetrip.store.crypto.KeyWrapper;
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
 *
 * <p>Residents' data is encrypted at rest ({@link #cipher()}): the data key is kept in the {@code setting} table
 * wrapped by a {@link KeyWrapper}, by default the key file {@code keys/data-kek} next to the database file; attachment
 * files are expected in {@code attachments/} next to it too (where {@code V060} encrypts those of an older store).
 * {@code secure_delete} is on, so a deleted or overwritten row leaves no old bytes in the file's free space.
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
    private StatementCache statements;
    private boolean transactionOpen;
    private final ConcurrentLinkedQueue<Pending<?>> waiting = new ConcurrentLinkedQueue<>();
    private static final int MAX_GROUP = 64;
    private final AtomicLong commits = new AtomicLong();
    private final KeyWrapper keys;
    private final SecureRandom random = new SecureRandom();
    private volatile DataCipher cipher;
    private final Map<String, Redo> redoHandlers = new ConcurrentHashMap<>();
    private long redoJournalSize = RedoJournal.DEFAULT_SIZE;
    /** The redo journal ({@link #inTransaction(String, byte[], SqlWork)}); null while stopped or if it cannot be used. */
    private volatile RedoJournal journal;
    private boolean synchronousNormal;

    /** A store whose data key is wrapped by the key file {@code keys/data-kek} next to {@code file}. */
    public Database(Path file, Clock clock) {
        this(file, clock, new FileKeyWrapper(file.toAbsolutePath().resolveSibling("keys")));
    }

    public Database(Path file, Clock clock, KeyWrapper keys) {
        this.file = file.toAbsolutePath();
        this.clock = clock;
        this.keys = keys;
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        config.setGetGeneratedKeys(false); // else every INSERT compiles and runs "SELECT last_insert_rowid()"
        config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true"); // freed and overwritten cells are zeroed
        this.dataSource = new SQLiteDataSource(config);
        this.dataSource.setUrl("jdbc:sqlite:" + this.file);
    }

    public Path file() {
        return file;
    }

    /** Where the store's attachment files are: {@code attachments/} next to the database file. */
    public Path attachmentsDir() {
        return file.resolveSibling("attachments");
    }

    /**
     * Encrypts and decrypts residents' records and files under this database's data key; available once started.
     */
    public DataCipher cipher() {
        DataCipher c = cipher;
        if (c == null) {
            throw new StoreException("database[" + file + "]: not started (" + getState() + "); no data key yet");
        }
        return c;
    }

    /** Where a corrupt file found at start was moved, if one was (the store then started empty). */
    public Optional<Path> setAside() {
        return Optional.ofNullable(setAside);
    }

    @Override
    protected void doStart() throws Exception {
        Files.createDirectories(file.getParent());
        if (Files.exists(file) && !healthy()) {
            Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + stamp());
            moveAside(aside);
            setAside = aside;
            log.error("database[{}]: integrity check failed; the file was moved aside to {} and a new one started."
                    + " Sealed submissions may be recoverable from it: keep it and call the county's technician.",
                    file, aside);
        }
        Flyway.configure()
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                .javaMigrations(new EncryptResidentData(keys, attachmentsDir(), random))
                .load()
                .migrate();
        lock.lock();
        try {
            statements = new StatementCache(dataSource.getConnection());
            synchronousNormal = false; // a new connection starts at FULL (the data source's setting)
            cipher = new DataCipher(DataKeys.load(statements.raw(), keys).orElseThrow(() -> new DataKeyException(
                    "database[" + file + "]: has no data key (setting data_key) although it is migrated; it was"
                    + " changed outside OneTrip: restore it from a backup")), random);
        } catch (RuntimeException | SQLException e) {
            if (statements != null) {
                statements.close();
                statements.raw().close();
                statements = null;
            }
            throw e;
        } finally {
            lock.unlock();
        }
        openJournal();
        log.info("database[{}]: ready", file);
    }

    /** The redo journal's file: {@code onetrip.db-redo} next to the database file. */
    public Path redoJournalFile() {
        return file.resolveSibling(file.getFileName() + "-redo");
    }

    /** The journal's size for a new one (tests make it small to see it fill); before {@link #start()}. */
    void redoJournalSize(long bytes) {
        this.redoJournalSize = bytes;
    }

    /**
     * Opens the redo journal and replays what it holds for the kinds already known; a journal that cannot be opened
     * is set aside (damaged) or left out (the store then commits every transaction with {@code synchronous=FULL}).
     */
    private void openJournal() {
        Path redo = redoJournalFile();
        try {
            journal = RedoJournal.open(redo, redoJournalSize, random);
        } catch (RedoJournal.InUse e) {
            log.error("database[{}]: {}; this store commits every transaction with synchronous=FULL. Two OneTrip"
                    + " processes should not share a data folder: stop the other one.", file, e.getMessage());
            journal = null;
            return;
        } catch (IOException e) {
            log.error("database[{}]: {}; the journal is set aside and a new one started. Transactions it held may"
                    + " be missing: keep the file and call the county's technician.", file, e.getMessage());
            try {
                Files.move(redo, redo.resolveSibling(redo.getFileName() + ".damaged-" + stamp()));
                journal = RedoJournal.open(redo, redoJournalSize, random);
            } catch (IOException | RuntimeException again) {
                log.error("database[{}]: no redo journal ({}); every transaction commits with synchronous=FULL", file,
                        again.toString());
                journal = null;
                return;
            }
        }
        lock.lock();
        try {
            replay(null);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Registers how to redo the work of {@code kind} from its journal record: after a power cut, the records whose
     * commit did not reach the disk are replayed through it at start (or now, if the store is already started).
     * {@code redo} must skip a record whose work is already in the database, and run in the given connection's
     * transaction.
     */
    public void onRedo(String kind, Redo redo) {
        redoHandlers.put(kind, redo);
        lock.lock();
        try {
            if (journal != null && statements != null) {
                replay(kind);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock: replays the journal's records of {@code kind} (every kind with a handler if null). */
    private void replay(String kind) {
        RedoJournal j = journal;
        List<RedoJournal.Record> records = j.found();
        if (records.isEmpty()) {
            return;
        }
        int applied = 0;
        int waiting = 0;
        boolean copied = false;
        for (RedoJournal.Record record : records) {
            Redo redo = redoHandlers.get(record.kind());
            if (redo == null) {
                waiting++;
                continue;
            }
            if (kind != null && !kind.equals(record.kind())) {
                continue; // replayed when its own kind was registered
            }
            try {
                if (inTransaction(c -> redo.replay(c, record.payload()))) {
                    applied++;
                }
            } catch (RuntimeException e) {
                log.error("database[{}]: record {} ({}) of the redo journal cannot be replayed: {}", file,
                        record.seq(), record.kind(), e.toString());
                if (!copied) {
                    keepCopy(j, "unreplayed");
                    copied = true;
                }
            }
        }
        if (applied > 0) {
            log.warn("database[{}]: {} transaction(s) restored from the redo journal: their commit had not reached"
                    + " the disk (a power cut?)", file, applied);
        }
        if (waiting == 0) {
            // the records found present may be a killed process's commits still in the page cache, not on disk:
            // one commit with synchronous=FULL fsyncs the WAL with them before their records are zeroed
            syncPoint();
            j.replayed();
            j.reset();
        }
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    /** The clock's time in the names of files set aside or kept for the technician: {@code 20260302-010203-000}. */
    private String stamp() {
        return STAMP.format(clock.instant());
    }

    private void keepCopy(RedoJournal j, String why) {
        Path copy = j.file().resolveSibling(j.file().getFileName() + "." + why + "-" + stamp());
        try {
            j.copyTo(copy);
        } catch (IOException e) {
            log.error("database[{}]: cannot keep a copy of the redo journal at {}: {}", file, copy, e.toString());
        }
    }

    /**
     * Makes every commit durable by SQLite alone and empties the redo journal (zeroed): at stop, and before a
     * retention purge, so that a purged resident's sealed body does not stay in the journal.
     */
    public void settleJournal() {
        lock.lock();
        try {
            settle(false);
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock: empties the journal when it is three quarters full ({@code onlyIfDue}) or holds anything. */
    private void settle(boolean onlyIfDue) {
        RedoJournal j = journal;
        if (j == null || statements == null || (onlyIfDue ? !j.resetDue() : !j.inUse())) {
            return;
        }
        if (!j.committedAreDurable()) {
            syncPoint();
        }
        j.reset();
    }

    private static final String SYNC_POINT = """
            INSERT INTO setting (name, value) VALUES ('redo_journal_synced_at', ?)
            ON CONFLICT(name) DO UPDATE SET value = excluded.value
            """;

    /** Under the lock: a commit with {@code synchronous=FULL}, which fsyncs the WAL and with it every earlier commit. */
    private void syncPoint() {
        inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(SYNC_POINT)) {
                ps.setString(1, Instants.format(clock.instant()));
                return ps.executeUpdate();
            }
        });
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
        for (String suffix : new String[] {"-wal", "-shm", "-redo"}) {
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
            RedoJournal j = journal;
            if (j != null) {
                try {
                    settle(false);
                } catch (RuntimeException e) {
                    log.error("database[{}]: cannot empty the redo journal at stop ({}); it is replayed at the next"
                            + " start", file, e.toString());
                }
                journal = null;
                j.close();
            }
            if (statements != null) {
                statements.close();
                statements.raw().close();
                statements = null;
            }
            cipher = null;
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
     *
     * <p>Group commit: when several threads call this at once, the one holding the lock runs every waiting
     * {@code work} (each under its own savepoint, so one that throws is rolled back alone and its caller gets
     * the exception) and commits them with one fsync; each caller returns only after the commit that holds its
     * work. A lone caller pays no more than before.
     */
    public <T> T inTransaction(SqlWork<T> work) {
        if (lock.isHeldByCurrentThread() && transactionOpen) {
            try {
                return work.run(connection());
            } catch (SQLException e) {
                throw new StoreException("database[" + file + "]: " + e.getMessage(), e);
            }
        }
        return grouped(new Pending<>(work));
    }

    /** Queues {@code mine} for the next group commit, takes part in committing until it is done, returns its outcome. */
    private <T> T grouped(Pending<T> mine) {
        waiting.add(mine);
        lock.lock();
        try {
            while (!mine.done) {
                commitWaiting();
            }
        } finally {
            lock.unlock();
        }
        return mine.outcome();
    }

    /**
     * {@link #inTransaction(SqlWork)} whose durability comes from the redo journal: {@code redo} (enough for the
     * handler registered with {@link #onRedo} for {@code kind} to do the same work again) is written to the journal
     * and forced while SQLite commits {@code work} with {@code synchronous=NORMAL}; this returns once both are
     * done, so the work survives a power cut as surely as with {@code synchronous=FULL}. If the work fails, its
     * record is cancelled. With the journal full, broken or absent, or called inside a transaction, it is the
     * ordinary {@code inTransaction}.
     */
    public <T> T inTransaction(String kind, byte[] redo, SqlWork<T> work) {
        RedoJournal j = journal;
        if (j == null || (lock.isHeldByCurrentThread() && transactionOpen)) {
            return inTransaction(work);
        }
        RedoJournal.Entry entry = j.append(kind, redo);
        if (entry == null) {
            return inTransaction(work);
        }
        Pending<T> mine = new Pending<>(work);
        mine.entry = entry;
        mine.journal = j;
        T result = grouped(mine); // a failed work's record was cancelled under the lock
        if (!j.awaitDurable(entry)) {
            lock.lock(); // the record may not be on disk: make the commit durable by SQLite instead
            try {
                syncPoint();
            } finally {
                lock.unlock();
            }
        }
        return result;
    }

    /** Under the lock: runs every waiting work in one transaction and commits it; marks each one done. */
    private void commitWaiting() {
        List<Pending<?>> group = new ArrayList<>();
        for (Pending<?> p; group.size() < MAX_GROUP && (p = waiting.poll()) != null; ) {
            group.add(p);
        }
        Connection c;
        try {
            c = connection();
        } catch (StoreException e) {
            group.forEach(p -> p.fail(e));
            group.forEach(Pending::finish);
            return;
        }
        Connection raw = statements.raw();
        boolean deferred = group.stream().allMatch(p -> p.entry != null);
        try {
            synchronous(raw, deferred);
            raw.setAutoCommit(false);
            transactionOpen = true;
            try {
                if (group.size() == 1) {
                    group.getFirst().run(c);
                } else {
                    for (Pending<?> p : group) {
                        runUnderSavepoint(c, p);
                    }
                }
                if (group.stream().allMatch(p -> p.failure != null)) {
                    raw.rollback();
                } else {
                    raw.commit();
                    commits.incrementAndGet();
                    if (!deferred && journal != null) {
                        journal.allCommittedDurable();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(raw);
                StoreException failure = new StoreException("database[" + file + "]: " + e.getMessage(), e);
                group.forEach(p -> p.lose(e instanceof RuntimeException r && group.size() == 1 ? r : failure));
            } catch (Error e) {
                rollbackQuietly(raw);
                group.forEach(p -> p.lose(new StoreException("database[" + file + "]: " + e, e)));
                throw e;
            } finally {
                transactionOpen = false;
                restoreAutoCommit(raw);
                // left as it is: the next group sets its own, and a read sets FULL (see #read), so consecutive
                // journaled groups do not compile two PRAGMAs each
            }
        } catch (SQLException e) {
            StoreException failure = new StoreException("database[" + file + "]: " + e.getMessage(), e);
            group.forEach(p -> p.fail(failure));
        } finally {
            settleJournalEntries(group);
            group.forEach(Pending::finish);
        }
    }

    /** Under the lock: each journaled work of the group is committed, or cancelled if it failed; a due reset follows. */
    private void settleJournalEntries(List<Pending<?>> group) {
        boolean any = false;
        for (Pending<?> p : group) {
            if (p.entry != null) {
                any = true;
                if (p.failure == null && p.ran) {
                    p.journal.committed(p.entry);
                } else {
                    p.journal.cancelled(p.entry);
                }
            }
        }
        if (any) {
            try {
                settle(true);
            } catch (RuntimeException e) {
                log.error("database[{}]: cannot empty the redo journal ({}); trying again after the next commit", file,
                        e.toString());
            }
        }
    }

    /** {@code synchronous=NORMAL} for a group whose durability the redo journal provides, FULL otherwise. */
    private void synchronous(Connection raw, boolean normal) throws SQLException {
        if (normal != synchronousNormal) {
            // compiled each time, not cached: SQLite applies a PRAGMA's value when it compiles the statement
            try (Statement s = raw.createStatement()) {
                s.execute(normal ? "PRAGMA synchronous = NORMAL" : "PRAGMA synchronous = FULL");
            }
            synchronousNormal = normal;
        }
    }

    private static final String SAVEPOINT = "SAVEPOINT grouped";
    private static final String RELEASE = "RELEASE grouped";
    private static final String ROLLBACK_TO = "ROLLBACK TO grouped";

    /** {@code p} under its own savepoint; the savepoint statements are compiled once (the store's statement cache). */
    private void runUnderSavepoint(Connection c, Pending<?> p) throws SQLException {
        execute(c, SAVEPOINT);
        try {
            p.run(c);
        } catch (SQLException | RuntimeException e) {
            execute(c, ROLLBACK_TO);
            p.fail(e instanceof SQLException sql
                    ? new StoreException("database[" + file + "]: " + sql.getMessage(), sql) : (RuntimeException) e);
        } finally {
            execute(c, RELEASE);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.execute();
        }
    }

    private void restoreAutoCommit(Connection raw) {
        try {
            raw.setAutoCommit(true);
        } catch (SQLException e) {
            log.error("database[{}]: cannot leave the transaction mode: {}", file, e.getMessage());
        }
    }

    private void rollbackQuietly(Connection raw) {
        try {
            raw.rollback();
        } catch (SQLException e) {
            log.error("database[{}]: rollback failed: {}", file, e.getMessage());
        }
    }

    /** Commits since start (a group of works is one): how tests see that works were grouped. */
    long commits() {
        return commits.get();
    }

    /** Works queued for the next group commit. */
    int waitingWork() {
        return waiting.size();
    }

    /**
     * Runs a read (or a single auto-committed statement, which commits with {@code synchronous=FULL}: a journaled
     * group may have left the connection at NORMAL).
     */
    public <T> T read(SqlWork<T> work) {
        lock.lock();
        try {
            Connection c = connection();
            if (!transactionOpen) { // inside a group's transaction, the group's commit decides
                synchronous(statements.raw(), false);
            }
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("database[" + file + "]: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private Connection connection() {
        if (statements == null) {
            throw new StoreException("database[" + file + "]: not started (" + getState() + ")");
        }
        return statements.connection();
    }

    @Override
    public String toString() {
        return "database[" + file + "]@" + getState();
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Does the work of one redo-journal record again, in the connection's transaction. */
    @FunctionalInterface
    public interface Redo {
        /** Returns false when the record's work was already there (nothing done), true when it was redone. */
        boolean replay(Connection connection, byte[] record) throws SQLException;
    }

    /** One caller's work waiting for a group commit, and what became of it. */
    private static final class Pending<T> {
        private final SqlWork<T> work;
        private T result;
        private RuntimeException failure;
        private boolean ran;
        private volatile boolean done;
        private RedoJournal.Entry entry;
        private RedoJournal journal;

        Pending(SqlWork<T> work) {
            this.work = work;
        }

        void run(Connection c) throws SQLException {
            ran = true;
            result = work.run(c);
        }

        void fail(RuntimeException e) {
            failure = e;
        }

        /** The whole transaction failed: every work in it is lost, with the error (its own, if it threw). */
        void lose(RuntimeException e) {
            if (failure == null) {
                failure = e;
            }
        }

        void finish() {
            if (!ran && failure == null) {
                failure = new StoreException("database: a grouped transaction ended before this work ran");
            }
            done = true;
        }

        T outcome() {
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }
}
