package org.onetrip.store.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onetrip.store.audit.AuditLog;
import org.onetrip.store.crypto.DataCipher;
import org.onetrip.store.db.Database;
import org.onetrip.store.submission.Outbox;
import org.onetrip.store.submission.SubmissionStore;

/**
 * A real store on a real SQLite file: database, audit log, submission store and outbox sharing one mutable
 * clock. SQLite's natives are extracted under {@code target/}, never into /tmp.
 */
public final class StoreFixture implements AutoCloseable {
    public static final Instant START = Instant.parse("2026-03-02T01:00:00Z");
    public static final String TERMINAL_ID = "T-340121100004-01";

    static {
        useLocalSqliteNatives();
    }

    public final MutableClock clock;
    public final Database db;
    public final AuditLog audit;
    public final SubmissionStore store;
    public final Outbox outbox;

    public StoreFixture(Path file) {
        this(file, new MutableClock(START));
    }

    public StoreFixture(Path file, MutableClock clock) {
        this.clock = clock;
        this.db = new Database(file, clock);
        start(db);
        this.audit = new AuditLog(clock);
        this.store = new SubmissionStore(db, audit, clock, TERMINAL_ID);
        this.outbox = new Outbox(store);
    }

    /** Sets {@code org.sqlite.tmpdir} to {@code target/sqlite-natives} unless it is set already. */
    public static void useLocalSqliteNatives() {
        if (System.getProperty("org.sqlite.tmpdir") == null) {
            Path natives = Path.of("target", "sqlite-natives").toAbsolutePath();
            try {
                Files.createDirectories(natives);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.setProperty("org.sqlite.tmpdir", natives.toString());
        }
    }

    public static void start(Database db) {
        try {
            db.start();
        } catch (Exception e) {
            throw new IllegalStateException("test database did not start", e);
        }
    }

    /** Every row of {@code sql} as column name → text value, in order. */
    public List<Map<String, String>> rows(String sql, Object... args) {
        return db.read(c -> query(c, sql, args));
    }

    /** The plaintext of {@code table.body} of row {@code id}, decrypted with the store's data key as the stores do. */
    public byte[] body(String table, String id) {
        byte[] stored = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM " + table + " WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getBytes(1) : null;
                }
            }
        });
        if (stored == null) {
            throw new IllegalArgumentException("no " + table + " row " + id);
        }
        return db.cipher().open(DataCipher.recordId(table, id), stored);
    }

    public int count(String table) {
        return Integer.parseInt(rows("SELECT count(*) AS n FROM " + table).getFirst().get("n"));
    }

    /** Runs DDL or DML outside the store's code, as someone holding the file could. */
    public void execute(String sql) {
        db.read(c -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
            return null;
        });
    }

    private static List<Map<String, String>> query(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<Map<String, String>> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
                    }
                    out.add(row);
                }
            }
            return out;
        }
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (Exception e) {
            throw new IllegalStateException("test database did not stop", e);
        }
    }
}
