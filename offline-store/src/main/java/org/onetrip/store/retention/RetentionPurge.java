package org.onetrip.store.retention;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.onetrip.store.attachment.AttachmentStore;
import org.onetrip.store.audit.AuditLog;
import org.onetrip.store.db.Database;
import org.onetrip.store.db.Instants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One purge run. A case is purged when the platform has confirmed it — its status is DONE, DELIVERED or REJECTED
 * and nothing of it is left in the outbox — and its last status change is older than the retention period. Purging
 * it empties the sealed body, removes its attachment links (and each attachment row and file no unpurged case still
 * refers to), clears the file reference of its agency materials, and empties the bodies of its ratings and
 * complaints once the platform has them. Complaints about no case are purged once the platform has had them for
 * the retention period. Kept: everything the ledger and the statistics read (item, mask, dates, statuses and their
 * history, ratings, complaint categories, material trust levels). Unsent or refused records are never purged.
 *
 * <p>All of it is one transaction with one audit entry (counts and cutoff only), for at most {@code maxCases}
 * cases, oldest first; {@link Result#more()} says when more were due. Files are deleted after the
 * commit; one left behind by a crash in between has no row and goes with the next start's attachment sweep. The
 * write-ahead log is then checkpointed and truncated, so that with {@code secure_delete} the purged bytes are gone
 * from the database files.
 */
public final class RetentionPurge {
    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);
    /** About a second of the database per run on a Raspberry Pi class machine (docs/benchmarks.md). */
    public static final int DEFAULT_MAX_CASES = 500;

    private final Database db;
    private final AuditLog audit;
    private final AttachmentStore attachments;
    private final Clock clock;
    private final Duration retention;
    private final int maxCases;

    /** A purge of at most {@link #DEFAULT_MAX_CASES} cases per run. */
    public RetentionPurge(Database db, AuditLog audit, AttachmentStore attachments, Clock clock, Duration retention) {
        this(db, audit, attachments, clock, retention, DEFAULT_MAX_CASES);
    }

    /**
     * @param maxCases at most this many cases per run (oldest first), so that one run holds the database for a
     *                 second or two, not for the whole backlog of a first start after an upgrade
     */
    public RetentionPurge(Database db, AuditLog audit, AttachmentStore attachments, Clock clock, Duration retention,
                          int maxCases) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention.days must be at least 1 (got " + retention + ")");
        }
        if (maxCases < 1) {
            throw new IllegalArgumentException("retention: at least one case per run (got " + maxCases + ")");
        }
        this.maxCases = maxCases;
        this.db = db;
        this.audit = audit;
        this.clock = clock;
        this.attachments = attachments;
        this.retention = retention;
    }

    public Duration retention() {
        return retention;
    }

    /**
     * What one run purged, and from before when.
     *
     * @param more whether more cases were due than one run takes (the schedule runs again soon)
     */
    public record Result(Instant cutoff, int submissions, int evaluations, int complaints, int attachments,
                         boolean more) {
        /** The audit entry's detail: counts and the cutoff, never what was purged. */
        String detail(Duration retention) {
            return "cutoff=" + cutoff + " days=" + retention.toDays() + " submissions=" + submissions
                    + " evaluations=" + evaluations + " complaints=" + complaints + " attachments=" + attachments;
        }
    }

    private static final String DUE = """
            WITH last_change AS (SELECT submission_id, max(at) AS at FROM status_history GROUP BY submission_id)
            SELECT s.id FROM submission s LEFT JOIN last_change l ON l.submission_id = s.id
            WHERE s.purged_at IS NULL
              AND s.status IN ('DONE', 'DELIVERED', 'REJECTED')
              AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.submission_id = s.id)
              AND coalesce(l.at, s.status_at) < ?
            ORDER BY s.sealed_at
            LIMIT ?
            """;
    private static final String PURGE_SUBMISSION = """
            UPDATE submission SET body = X'', purged_at = ? WHERE id = ? AND purged_at IS NULL
            """;
    private static final String LINKED = """
            SELECT sha256 FROM submission_attachment WHERE submission_id = ?1
            UNION SELECT sha256 FROM agency_material WHERE submission_id = ?1 AND sha256 IS NOT NULL
            """;
    private static final String UNLINK = "DELETE FROM submission_attachment WHERE submission_id = ?";
    private static final String UNLINK_MATERIALS = """
            UPDATE agency_material SET sha256 = NULL WHERE submission_id = ? AND sha256 IS NOT NULL
            """;
    private static final String DELETE_ORPHAN = """
            DELETE FROM attachment WHERE sha256 = ?1
              AND NOT EXISTS (SELECT 1 FROM submission_attachment WHERE sha256 = ?1)
              AND NOT EXISTS (SELECT 1 FROM agency_material WHERE sha256 = ?1)
            """;
    private static final String PURGE_EVALUATIONS = """
            UPDATE evaluation SET body = X'', purged_at = ?1
            WHERE purged_at IS NULL
              AND EXISTS (SELECT 1 FROM submission s WHERE s.id = evaluation.submission_id AND s.purged_at IS NOT NULL)
              AND EXISTS (SELECT 1 FROM feedback_outbox o WHERE o.id = evaluation.id AND o.state = 'SENT')
            """;
    private static final String PURGE_COMPLAINTS = """
            UPDATE complaint SET body = X'', purged_at = ?1
            WHERE purged_at IS NULL
              AND EXISTS (SELECT 1 FROM feedback_outbox o WHERE o.id = complaint.id AND o.state = 'SENT'
                          AND (complaint.submission_id IS NOT NULL OR o.sent_at < ?2))
              AND (complaint.submission_id IS NULL
                   OR EXISTS (SELECT 1 FROM submission s
                              WHERE s.id = complaint.submission_id AND s.purged_at IS NOT NULL))
            """;

    /** Purges what is due now; returns the counts. */
    public Result run() {
        db.settleJournal(); // the redo journal holds recent seals' bodies too: emptied first, so none outlives a purge
        Instant now = clock.instant();
        Instant cutoff = now.minus(retention);
        String at = Instants.format(now);
        List<String> deletedFiles = new ArrayList<>();
        Result result = db.inTransaction(c -> {
            deletedFiles.clear();
            List<String> due = due(c, Instants.format(cutoff), maxCases);
            Set<String> linked = new LinkedHashSet<>();
            for (String id : due) {
                update(c, PURGE_SUBMISSION, at, id);
                try (PreparedStatement ps = c.prepareStatement(LINKED)) {
                    ps.setString(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            linked.add(rs.getString(1));
                        }
                    }
                }
                update(c, UNLINK, id);
                update(c, UNLINK_MATERIALS, id);
            }
            for (String sha256 : linked) {
                if (update(c, DELETE_ORPHAN, sha256) > 0) {
                    deletedFiles.add(sha256);
                }
            }
            int evaluations = update(c, PURGE_EVALUATIONS, at);
            int complaints = update(c, PURGE_COMPLAINTS, at, Instants.format(cutoff));
            Result r = new Result(cutoff, due.size(), evaluations, complaints, deletedFiles.size(),
                    due.size() == maxCases);
            audit.append(c, "terminal", "retention.purged", "resident-data", r.detail(retention));
            return r;
        });
        int files = deleteFiles(deletedFiles);
        checkpoint();
        log.info("retention: purged {} submissions, {} evaluations, {} complaints, {} attachments ({} files) confirmed"
                        + " before {} ({} days)", result.submissions(), result.evaluations(), result.complaints(),
                result.attachments(), files, cutoff, retention.toDays());
        return result;
    }

    private static List<String> due(Connection c, String cutoff, int limit) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(DUE)) {
            ps.setString(1, cutoff);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private static int update(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }

    private static final String STILL_GONE = "SELECT NOT EXISTS (SELECT 1 FROM attachment WHERE sha256 = ?)";

    /** Deletes the files whose rows the purge removed, unless a new seal brought the same bytes back meanwhile. */
    private int deleteFiles(List<String> sha256s) {
        int deleted = 0;
        for (String sha256 : sha256s) {
            boolean gone = db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement(STILL_GONE)) {
                    ps.setString(1, sha256);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() && rs.getInt(1) == 1;
                    }
                }
            });
            Path file = attachments.path(sha256);
            try {
                if (gone && Files.deleteIfExists(file)) {
                    deleted++;
                }
            } catch (IOException e) {
                log.warn("retention: {}: an attachment file could not be deleted ({}); the next start's sweep"
                        + " removes it", attachments, e.toString());
            }
        }
        return deleted;
    }

    private static final String CHECKPOINT = "PRAGMA wal_checkpoint(TRUNCATE)";

    /** Moves the purged pages into the database file and empties the write-ahead log, which still held the old ones. */
    private void checkpoint() {
        db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(CHECKPOINT)) {
                if (rs.next() && rs.getInt(1) != 0) {
                    log.warn("retention: {}: the write-ahead log could not be checkpointed now (busy); purged"
                            + " values stay in it until the next checkpoint", db);
                }
            }
            return null;
        });
    }

    @Override
    public String toString() {
        return "retention[" + retention.toDays() + " days]";
    }
}
