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

    /**
     * Walks the whole chain and names the first entry that was altered (content or hash changed) or removed from
     * the middle (a gap in the sequence numbers; the chain no longer links). Entries cut from the end leave a chain
     * that holds: only an anchor kept elsewhere shows them — the platform receives the chain's head with every
     * heartbeat ({@link #head}), and {@link #verify(Connection, Anchor)} checks the log still holds it.
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
        return new AuditVerdict(count, java.util.Optional.empty());
    }

    /** An entry known to an outside party (the platform, an inspector's notes): its number and hash. */
    public record Anchor(long seq, String hash) {
        /** Parses {@code SEQ:HASH}, as {@link #head} prints it. */
        public static Anchor parse(String text) {
            int colon = text.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("an audit anchor is SEQ:HASH, e.g. 1234:9f86d0…");
            }
            return new Anchor(Long.parseLong(text.substring(0, colon).trim()), text.substring(colon + 1).trim());
        }

        @Override
        public String toString() {
            return seq + ":" + hash;
        }
    }

    private static final String HEAD = """
            SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1
            """;

    /** The newest entry, as an anchor to keep elsewhere; empty for an empty log. */
    public java.util.Optional<Anchor> head(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(HEAD); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? java.util.Optional.of(new Anchor(rs.getLong(1), rs.getString(2)))
                    : java.util.Optional.empty();
        }
    }

    private static final String AT = """
            SELECT hash FROM audit_log WHERE seq = ?
            """;

    /** {@link #verify(Connection)}, and that the entry {@code anchor} names is still there with its hash. */
    public AuditVerdict verify(Connection c, Anchor anchor) throws SQLException {
        AuditVerdict chain = verify(c);
        if (!chain.holds()) {
            return chain;
        }
        try (PreparedStatement ps = c.prepareStatement(AT)) {
            ps.setLong(1, anchor.seq());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return broken(chain.entries(), anchor.seq(), AuditVerdict.Kind.TAIL_REMOVED, "audit entry "
                            + anchor.seq() + " and any after it were removed (the log ends at " + chain.entries()
                            + ")");
                }
                if (!rs.getString(1).equals(anchor.hash())) {
                    return broken(chain.entries(), anchor.seq(), AuditVerdict.Kind.ALTERED, "audit entry "
                            + anchor.seq() + " is not the one the anchor names: the log was rewritten up to it");
                }
            }
        }
        return chain;
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
