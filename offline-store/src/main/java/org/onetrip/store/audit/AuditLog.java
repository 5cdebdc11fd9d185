package org.onetrip.store.audit;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;

import org.onetrip.store.db.Instants;
import org.onetrip.store.uplink.Sm2;

/**
 * The append-only audit trail (电子监察、全过程留痕). Each entry carries the SM3 hash of the previous one,
 * so an edited or removed entry breaks the chain. Entries are written inside the caller's transaction, so
 * an action and its audit entry are durable together. Never put resident data in {@code detail}.
 */
public final class AuditLog {
    static final String GENESIS = "0".repeat(64);
    private static final char SEP = '\u001f';

    private final Clock clock;

    public AuditLog(Clock clock) {
        this.clock = clock;
    }

    private static final String LAST_HASH = """
            SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1
            """;
    private static final String INSERT = """
            INSERT INTO audit_log (at, actor, action, subject, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)
            """;

    /** Appends one entry in the connection's current transaction and returns its hash. */
    public String append(Connection c, String actor, String action, String subject, String detail) throws SQLException {
        String prev = GENESIS;
        try (PreparedStatement ps = c.prepareStatement(LAST_HASH); ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                prev = rs.getString(1);
            }
        }
        String at = Instants.format(clock.instant());
        String hash = hash(prev, at, actor, action, subject, detail);
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setString(1, at);
            ps.setString(2, actor);
            ps.setString(3, action);
            ps.setString(4, subject);
            ps.setString(5, detail);
            ps.setString(6, prev);
            ps.setString(7, hash);
            ps.executeUpdate();
        }
        return hash;
    }

    private static final String ALL = """
            SELECT seq, at, actor, action, subject, detail, prev_hash, hash FROM audit_log ORDER BY seq
            """;

    private static final String HIGHEST_EVER = """
            SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'
            """;

    /**
     * Walks the whole chain and names the first entry that was altered (content or hash changed), removed from the
     * middle (a gap in the sequence numbers, the chain no longer links) or removed from the end (SQLite's
     * AUTOINCREMENT counter remembers a higher number than the last entry). Someone who rewrites the whole tail
     * and the counter consistently is beyond what a local check can see; docs/threat-model.md says so.
     */
    public AuditVerdict verify(Connection c) throws SQLException {
        String prev = GENESIS;
        long expectedSeq = 1;
        long count = 0;
        try (PreparedStatement ps = c.prepareStatement(ALL); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long seq = rs.getLong(1);
                if (seq != expectedSeq) {
                    return broken(count, expectedSeq, AuditVerdict.Kind.REMOVED, "audit entries " + expectedSeq
                            + (seq - 1 > expectedSeq ? "–" + (seq - 1) : "") + " were removed (the next entry is "
                            + seq + ")");
                }
                String expected = hash(prev, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6));
                if (!prev.equals(rs.getString(7)) || !expected.equals(rs.getString(8))) {
                    return broken(count, seq, AuditVerdict.Kind.ALTERED, "audit entry " + seq + " ("
                            + rs.getString(2) + ", " + rs.getString(4) + ") was altered: its hash does not match");
                }
                prev = rs.getString(8);
                expectedSeq = seq + 1;
                count++;
            }
        }
        try (PreparedStatement ps = c.prepareStatement(HIGHEST_EVER); ResultSet rs = ps.executeQuery()) {
            if (rs.next() && rs.getLong(1) >= expectedSeq) {
                return broken(count, expectedSeq, AuditVerdict.Kind.TAIL_REMOVED, "audit entries " + expectedSeq
                        + "–" + rs.getLong(1) + " were removed from the end of the log");
            }
        }
        return new AuditVerdict(count, java.util.Optional.empty());
    }

    /** The sequence number of the first entry altered or removed ({@link #verify}), or -1 when the chain holds. */
    public long firstBrokenEntry(Connection c) throws SQLException {
        return verify(c).problem().map(AuditVerdict.Problem::seq).orElse(-1L);
    }

    private static AuditVerdict broken(long count, long seq, AuditVerdict.Kind kind, String text) {
        return new AuditVerdict(count, java.util.Optional.of(new AuditVerdict.Problem(seq, kind,
                text + "; keep this database file as evidence and report it to the county")));
    }

    static String hash(String prev, String at, String actor, String action, String subject, String detail) {
        String text = prev + SEP + at + SEP + actor + SEP + action + SEP + subject + SEP + detail;
        return Sm2.sm3Hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
