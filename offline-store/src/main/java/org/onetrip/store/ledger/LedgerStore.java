package org.onetrip.store.ledger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.onetrip.store.audit.AuditLog;
import org.onetrip.store.crypto.DataCipher;
import org.onetrip.store.db.Database;
import org.onetrip.store.db.Instants;
import org.onetrip.store.submission.SubmissionStatus;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ledger's queries: every case sealed at this terminal with its state, promise, latest 补正 note and the
 * resident's contact phone (empty once the case's resident data was purged). Dates are counted in {@code zone}
 * (the terminal's, Asia/Shanghai).
 */
public final class LedgerStore {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Database db;
    private final AuditLog audit;
    private final ZoneId zone;

    public LedgerStore(Database db, AuditLog audit, ZoneId zone) {
        this.db = db;
        this.audit = audit;
        this.zone = zone;
    }

    /**
     * Appends a staff member's use of the ledger to the audit log (an export or a printed list carries residents'
     * contacts off the terminal): {@code action} such as {@code ledger.exported}, {@code detail} without resident data.
     */
    public void audited(String staffId, String action, String detail) {
        db.inTransaction(c -> audit.append(c, staffId, action, "ledger", detail));
    }

    public ZoneId zone() {
        return zone;
    }

    private static final String CASES = """
            SELECT s.id, s.task_code, s.item_name, s.applicant_mask, s.body, s.purged_at, s.sealed_at, s.promised_by,
                   s.status, s.status_at, s.project_no, s.status_note, s.still_to_bring,
                   (SELECT h.note FROM status_history h
                     WHERE h.submission_id = s.id AND h.status = 'NEEDS_CORRECTION'
                     ORDER BY h.seq DESC LIMIT 1) AS correction_note,
                   EXISTS (SELECT 1 FROM courier_export e WHERE e.submission_id = s.id) AS couriered
            FROM submission s
            WHERE NOT EXISTS (SELECT 1 FROM courier_import i WHERE i.submission_id = s.id)
              AND (?1 IS NULL OR s.status = ?1)
              AND (?2 IS NULL OR s.task_code = ?2)
              AND (?3 IS NULL OR s.sealed_at >= ?3)
              AND (?4 IS NULL OR s.sealed_at < ?4)
              AND (?5 = 0 OR (s.promised_by IS NOT NULL AND s.promised_by < ?6
                              AND s.status NOT IN ('DONE', 'DELIVERED', 'REJECTED')))
            ORDER BY s.sealed_at DESC, s.id
            """;

    /** The cases {@code filter} selects, newest first, with days left and overdue counted from {@code today}. */
    public List<LedgerCase> cases(LedgerFilter filter, LocalDate today) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(CASES)) {
                ps.setString(1, filter.status().map(Enum::name).orElse(null));
                ps.setString(2, filter.taskCode().orElse(null));
                ps.setString(3, filter.from().map(this::startOf).orElse(null));
                ps.setString(4, filter.to().map(d -> startOf(d.plusDays(1))).orElse(null));
                ps.setInt(5, filter.overdueOnly() ? 1 : 0);
                ps.setString(6, today.toString());
                List<LedgerCase> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs, today, db.cipher()));
                    }
                }
                return out;
            }
        });
    }

    private String startOf(LocalDate day) {
        return Instants.format(day.atStartOfDay(zone).toInstant());
    }

    private static LedgerCase row(ResultSet rs, LocalDate today, DataCipher cipher) throws SQLException {
        String bring = rs.getString("still_to_bring");
        String promised = rs.getString("promised_by");
        return new LedgerCase(UUID.fromString(rs.getString("id")), rs.getString("task_code"),
                rs.getString("item_name"), rs.getString("applicant_mask"),
                rs.getString("purged_at") == null
                        ? phone(cipher.open(DataCipher.recordId("submission", rs.getString("id")), rs.getBytes("body")))
                        : "",
                Instant.parse(rs.getString("sealed_at")), promised == null ? null : LocalDate.parse(promised),
                SubmissionStatus.valueOf(rs.getString("status")), Instant.parse(rs.getString("status_at")),
                Optional.ofNullable(rs.getString("project_no")), Optional.ofNullable(rs.getString("status_note")),
                Optional.ofNullable(rs.getString("correction_note")),
                bring.isEmpty() ? List.of() : List.of(bring.split("\n")), rs.getInt("couriered") == 1, today);
    }

    /** The contact phone of the sealed body's form ({@code fields.phone}), or empty. */
    static String phone(byte[] body) {
        JsonNode phone = JSON.readTree(body).path("fields").path("phone");
        return phone.isString() ? phone.stringValue() : "";
    }

    private static final String ITEMS = """
            SELECT s.task_code, max(s.item_name) FROM submission s
            WHERE NOT EXISTS (SELECT 1 FROM courier_import i WHERE i.submission_id = s.id)
            GROUP BY s.task_code ORDER BY max(s.item_name)
            """;

    /** The items this point has cases of, task code → name, by name (for the ledger's filter). */
    public Map<String, String> items() {
        return db.read(c -> {
            Map<String, String> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(ITEMS); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        });
    }
}
