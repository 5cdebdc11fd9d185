package org.onetrip.store.submission;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.onetrip.store.attachment.AttachmentRef;
import org.onetrip.store.attachment.AttachmentStore;
import org.onetrip.store.audit.AuditLog;
import org.onetrip.store.crypto.DataCipher;
import org.onetrip.store.db.Database;
import org.onetrip.store.db.Instants;
import org.onetrip.store.db.StoreException;
import org.onetrip.store.uplink.Sm2;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seals submissions and keeps what the platform says of them. Sealing is one transaction: the submission
 * row (with the exact body every upload will send), its outbox row and the audit entry are committed together,
 * durable when the seal returns, so a submission the resident was told about survives a power cut: a resident's seal
 * through the database's redo journal (its record forced while SQLite commits, {@code Database#inTransaction(String,
 * byte[], Database.SqlWork)}), an agent's seal with {@code synchronous=FULL}.
 */
public final class SubmissionStore {
    private static final Logger log = LoggerFactory.getLogger(SubmissionStore.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Database db;
    private final AuditLog audit;
    private final Clock clock;
    private final String terminalId;
    private final AttachmentStore attachments;
    private final List<Consumer<SealedSubmission>> listeners = new CopyOnWriteArrayList<>();
    private volatile byte[] applicantSalt;

    /** A store whose attachment files live in {@code attachments} next to the database file, sealed by its cipher. */
    public SubmissionStore(Database db, AuditLog audit, Clock clock, String terminalId) {
        this(db, audit, clock, terminalId, new AttachmentStore(db.attachmentsDir(), db::cipher));
    }

    public SubmissionStore(Database db, AuditLog audit, Clock clock, String terminalId, AttachmentStore attachments) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
        this.terminalId = terminalId;
        this.attachments = attachments;
        db.onRedo(SealRedo.KIND, this::redoSeal);
    }

    public AttachmentStore attachments() {
        return attachments;
    }

    public String terminalId() {
        return terminalId;
    }

    /** Called after every committed change of a submission (sealed, sent, new status), on the writer's thread. */
    public void addListener(Consumer<SealedSubmission> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<SealedSubmission> listener) {
        listeners.remove(listener);
    }

    private static final String INSERT_SUBMISSION = """
            INSERT INTO submission (id, task_code, item_name, item_version, applicant_key, applicant_mask, sealed_at,
                                    promised_by, still_to_bring, body, body_sm3, status, status_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SEALED', ?)
            """;
    private static final String INSERT_OUTBOX = """
            INSERT INTO outbox (submission_id, state, attempts, next_attempt_at) VALUES (?, 'PENDING', 0, ?)
            """;
    private static final String INSERT_ATTACHMENT = """
            INSERT INTO attachment (sha256, size, media_type, stored_at) VALUES (?, ?, ?, ?)
            ON CONFLICT(sha256) DO NOTHING
            """;
    private static final String LINK_ATTACHMENT = """
            INSERT INTO submission_attachment (submission_id, ordinal, sha256) VALUES (?, ?, ?)
            """;
    private static final String INSERT_HISTORY = """
            INSERT INTO status_history (submission_id, status, note, at) VALUES (?, ?, ?, ?)
            """;

    /**
     * Seals the draft durably and returns it as sealed: when this returns, the submission, its outbox row, its
     * attachment references, its status history and its audit entry are committed together and durable
     * (committed with its redo-journal record on disk), so the receipt may be printed. Sealing the same draft id twice fails. Every
     * attachment must have been staged in {@link #attachments()} first.
     */
    public SealedSubmission seal(SubmissionDraft draft) {
        return seal(draft, null);
    }

    /**
     * Seals a draft filed for the resident by someone else (an agent of a village point), as {@link
     * #seal(SubmissionDraft)} does: the body also carries {@code filedBy.body()} under {@code "filedBy"}, the audit
     * entry names {@code filedBy.actor()}, and {@code filedBy.alsoInSeal()} writes its rows in the same transaction.
     */
    public SealedSubmission seal(SubmissionDraft draft, FiledBy filedBy) {
        for (AttachmentRef a : draft.attachments()) {
            if (!attachments.isPresent(a)) {
                throw new StoreException(attachments + ": attachment " + a.sha256() + " of submission " + draft.id()
                        + " is not staged (missing file or wrong size); stage it before sealing");
            }
        }
        Instant now = clock.instant();
        byte[] body = body(draft, now, filedBy);
        String applicantKey = applicantKey(draft.applicantIdNumber());
        StoredSeal row = new StoredSeal(draft.id(), draft.taskCode(), draft.itemName(), draft.itemVersion(),
                applicantKey, draft.applicantMask(), Instants.format(now),
                draft.promisedBy() == null ? null : draft.promisedBy().toString(),
                String.join("\n", draft.stillToBring()), body, Sm2.sm3Hex(body));
        byte[] storedBody = db.cipher().seal(bodyRecord(row.id().toString()), body); // outside the commit's lock
        String detail = "task=" + draft.taskCode()
                + (draft.attachments().isEmpty() ? "" : " attachments=" + draft.attachments().size());
        Database.SqlWork<Void> work = c -> {
            insert(c, row, storedBody, draft.attachments(), null, now);
            if (filedBy != null) {
                filedBy.alsoInSeal().run(c, draft.id(), now);
            }
            audit.append(c, filedBy == null ? "resident" : filedBy.actor(), "submission.sealed",
                    draft.id().toString(), detail);
            return null;
        };
        if (filedBy == null) {
            // durable by the redo journal's record, forced while SQLite commits: see Database#inTransaction(kind, …)
            db.inTransaction(SealRedo.KIND, new SealRedo(row, storedBody, draft.attachments(), now, detail).encode(),
                    work);
        } else {
            // an agent's seal also writes the rows filedBy adds, which a journal record cannot redo: synchronous=FULL
            db.inTransaction(work);
        }
        log.info("submission[{}]: sealed (task {})", draft.id(), draft.taskCode());
        SealedSubmission sealed = new SealedSubmission(draft.id(), draft.taskCode(), draft.itemName(),
                draft.itemVersion(), draft.applicantMask(), now, draft.promisedBy(), draft.stillToBring(),
                SubmissionStatus.SEALED, Optional.empty(), Optional.empty(), now);
        fire(sealed);
        return sealed;
    }

    private static final String EXISTS = "SELECT 1 FROM submission WHERE id = ?";

    /**
     * Writes a resident's seal again from its redo-journal record, after a power cut lost its commit; nothing if the
     * submission is there. Its audit entry says it was restored.
     */
    private boolean redoSeal(Connection c, byte[] record) throws SQLException {
        SealRedo redo = SealRedo.decode(record);
        try (PreparedStatement ps = c.prepareStatement(EXISTS)) {
            ps.setString(1, redo.row().id().toString());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
        }
        insert(c, redo.row(), redo.storedBody(), redo.attachments(), null, redo.at());
        audit.append(c, "resident", "submission.sealed", redo.row().id().toString(),
                redo.auditDetail() + " restored=redo-journal");
        log.warn("submission[{}]: restored from the redo journal (sealed {}; its commit had not reached the disk)",
                redo.row().id(), redo.row().sealedAt());
        return true;
    }

    /** The sealed body, written field by field (a quarter of the seal's CPU went to serialising it as a map). */
    private byte[] body(SubmissionDraft d, Instant sealedAt, FiledBy filedBy) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("submissionId", d.id().toString());
            g.writeStringProperty("terminalId", terminalId);
            g.writeStringProperty("taskCode", d.taskCode());
            g.writeNumberProperty("itemVersion", d.itemVersion());
            g.writeStringProperty("regionCode", d.regionCode());
            g.writeStringProperty("sealedAt", sealedAt.toString());
            g.writeName("applicant");
            g.writeStartObject();
            g.writeStringProperty("name", d.applicantName());
            g.writeStringProperty("idType", "111");
            g.writeStringProperty("idNumber", d.applicantIdNumber());
            g.writeEndObject();
            g.writeName("fields");
            g.writeStartObject();
            for (Map.Entry<String, String> field : d.fields().entrySet()) {
                g.writeStringProperty(field.getKey(), field.getValue());
            }
            g.writeEndObject();
            g.writeStringProperty("delivery", d.delivery());
            if (!d.deliveryTo().isNone()) {
                g.writeName("deliveryTo");
                g.writeStartObject();
                g.writeStringProperty("address", d.deliveryTo().address());
                g.writeStringProperty("phone", d.deliveryTo().phone());
                g.writeStringProperty("place", d.deliveryTo().place());
                g.writeEndObject();
            }
            g.writeName("attachments");
            g.writeStartArray();
            for (AttachmentRef a : d.attachments()) {
                g.writeString(a.sha256());
            }
            g.writeEndArray();
            if (filedBy != null) {
                g.writeName("filedBy");
                g.writePOJO(filedBy.body());
            }
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    /** The key under which a resident's submissions are found by card tap: SM3 of the ID number and a terminal salt. */
    public String applicantKey(String idNumber) {
        byte[] salt = salt();
        byte[] id = idNumber.toUpperCase().getBytes(StandardCharsets.US_ASCII);
        byte[] input = Arrays.copyOf(salt, salt.length + id.length);
        System.arraycopy(id, 0, input, salt.length, id.length);
        return Sm2.sm3Hex(input);
    }

    private static final String SALT_SELECT = "SELECT value FROM setting WHERE name = 'applicant_salt'";
    private static final String SALT_INSERT = "INSERT OR IGNORE INTO setting (name, value) VALUES ('applicant_salt', ?)";

    /**
     * The terminal's salt, kept sealed under the data key ({@code setting:applicant_salt}): with the salt beside the
     * keys, a copy of the file would let anyone hash every plausible ID number and match them.
     */
    private byte[] salt() {
        byte[] salt = applicantSalt;
        if (salt == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            String stored = db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(SALT_INSERT)) {
                    ps.setString(1, HexFormat.of().formatHex(db.cipher().seal(SALT_RECORD, fresh)));
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement(SALT_SELECT); ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            salt = db.cipher().open(SALT_RECORD, HexFormat.of().parseHex(stored));
            applicantSalt = salt;
        }
        return salt;
    }

    /** The record id the salt is sealed for; V060 seals a salt an older version kept in the clear. */
    public static final String SALT_RECORD = "setting:applicant_salt";

    private static final String ATTACHMENT_SEALED = "SELECT 1 FROM attachment WHERE sha256 = ?";

    /**
     * Removes attachment files no sealed submission refers to (staged, then a crash or a session that never
     * sealed) once older than {@code grace}, and logs how many: counts only, never what they were.
     */
    public AttachmentStore.Sweep sweepUnsealedAttachments(Duration grace) {
        AttachmentStore.Sweep sweep = attachments.sweep(this::attachmentSealed, clock.instant().minus(grace));
        if (sweep.removed() > 0) {
            log.warn("{}: removed {} staged files ({} bytes) no sealed submission refers to, older than {}; {} kept",
                    attachments, sweep.removed(), sweep.bytesRemoved(), grace, sweep.kept());
        } else {
            log.info("{}: no unsealed staged files older than {}; {} kept", attachments, grace, sweep.kept());
        }
        return sweep;
    }

    private boolean attachmentSealed(String sha256) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(ATTACHMENT_SEALED)) {
                ps.setString(1, sha256);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    private static final String SELECT = """
            SELECT id, task_code, item_name, item_version, applicant_mask, sealed_at, promised_by, still_to_bring,
                   status, project_no, status_note, status_at
            FROM submission
            """;

    public Optional<SealedSubmission> find(UUID id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE id = ?")) {
                ps.setString(1, id.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            }
        });
    }

    private static final String SELECT_BODY_SM3 = "SELECT body_sm3 FROM submission WHERE id = ?";

    /** SM3 of the sealed body (the bytes every upload sends), which a receipt token fingerprints. */
    public Optional<byte[]> sealedBodySm3(UUID id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT_BODY_SM3)) {
                ps.setString(1, id.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(HexFormat.of().parseHex(rs.getString(1))) : Optional.empty();
                }
            }
        });
    }

    /** The resident's submissions on this terminal, newest first. */
    public List<SealedSubmission> findByApplicant(String idNumber) {
        String key = applicantKey(idNumber);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE applicant_key = ? ORDER BY sealed_at DESC")) {
                ps.setString(1, key);
                List<SealedSubmission> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
                return out;
            }
        });
    }

    private static final String SELECT_LATEST_BODY = """
            SELECT id, body FROM submission WHERE applicant_key = ? AND purged_at IS NULL ORDER BY sealed_at DESC LIMIT 1
            """;

    /**
     * The form values of the resident's most recent submission sealed on this terminal, by field key, for
     * prefilling a new form once the resident has agreed to it; empty when they have none here. Found by the
     * salted applicant key (the index of {@link #findByApplicant}), never by the clear number. Purged submissions
     * (retention) are not found.
     */
    public Optional<Map<String, String>> latestFormValues(String idNumber) {
        String key = applicantKey(idNumber);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT_LATEST_BODY)) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(fields(JSON.readTree(openBody(rs.getString(1), rs.getBytes(2)))))
                            : Optional.empty();
                }
            }
        });
    }

    private static Map<String, String> fields(JsonNode body) {
        Map<String, String> values = new LinkedHashMap<>();
        JsonNode fields = body.path("fields");
        for (String name : fields.propertyNames()) {
            JsonNode v = fields.get(name);
            if (v.isString()) {
                values.put(name, v.asString());
            }
        }
        return values;
    }

    /** How the result of a sealed submission reaches the resident: its method and details, as sealed. */
    public record Delivery(String method, DeliveryDetails to) {
    }

    private static final String SELECT_BODY = "SELECT body FROM submission WHERE id = ? AND purged_at IS NULL";

    /**
     * The delivery the resident chose for {@code id}, read from its sealed body; empty if there is no such row or
     * its resident data was purged (retention).
     */
    public Optional<Delivery> deliveryOf(UUID id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT_BODY)) {
                ps.setString(1, id.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    JsonNode body = JSON.readTree(openBody(id.toString(), rs.getBytes(1)));
                    JsonNode to = body.path("deliveryTo");
                    return Optional.of(new Delivery(body.path("delivery").asString(""), to.isObject()
                            ? new DeliveryDetails(to.path("address").asString(""), to.path("phone").asString(""),
                            to.path("place").asString(""))
                            : DeliveryDetails.NONE));
                }
            }
        });
    }

    /** The record id a submission's body is sealed for (its associated data): {@code submission:<id>}. */
    static String bodyRecord(String id) {
        return DataCipher.recordId("submission", id);
    }

    /**
     * The plaintext of a submission's body as stored in {@code submission.body} (sealed under the data key, bound to
     * the row {@code id}): for every reader of that column.
     */
    public byte[] openBody(String id, byte[] stored) {
        return db.cipher().open(bodyRecord(id), stored);
    }

    private static SealedSubmission row(ResultSet rs) throws SQLException {
        String bring = rs.getString(8);
        return new SealedSubmission(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getInt(4),
                rs.getString(5), Instant.parse(rs.getString(6)),
                rs.getString(7) == null ? null : LocalDate.parse(rs.getString(7)),
                bring.isEmpty() ? List.of() : List.of(bring.split("\n")),
                SubmissionStatus.valueOf(rs.getString(9)), Optional.ofNullable(rs.getString(10)),
                Optional.ofNullable(rs.getString(11)), Instant.parse(rs.getString(12)));
    }

    /**
     * A sealed submission's row: the body bytes exactly as sealed (here or, for a couriered submission, at the
     * terminal that sealed it) and their SM3 — in the clear; {@link #insertSealed} encrypts the body as it stores it.
     */
    public record StoredSeal(UUID id, String taskCode, String itemName, int itemVersion, String applicantKey,
                             String applicantMask, String sealedAt, String promisedBy, String stillToBring,
                             byte[] body, String bodySm3) {
    }

    /**
     * Writes a sealed submission into the caller's transaction: its row, its outbox entry (pending), its
     * attachment references and the SEALED history line with {@code note}. The one way a submission enters the
     * store — sealed here, or relayed from another terminal by the USB courier.
     */
    public void insertSealed(Connection c, StoredSeal row, List<AttachmentRef> attachments, String note, Instant now)
            throws SQLException {
        insert(c, row, db.cipher().seal(bodyRecord(row.id().toString()), row.body()), attachments, note, now);
    }

    /** {@link #insertSealed} with the body already sealed under the data key ({@code storedBody}). */
    private void insert(Connection c, StoredSeal row, byte[] storedBody, List<AttachmentRef> attachments, String note,
                        Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_SUBMISSION)) {
            ps.setString(1, row.id().toString());
            ps.setString(2, row.taskCode());
            ps.setString(3, row.itemName());
            ps.setInt(4, row.itemVersion());
            ps.setString(5, row.applicantKey());
            ps.setString(6, row.applicantMask());
            ps.setString(7, row.sealedAt());
            ps.setString(8, row.promisedBy());
            ps.setString(9, row.stillToBring());
            ps.setBytes(10, storedBody);
            ps.setString(11, row.bodySm3());
            ps.setString(12, Instants.format(now));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_OUTBOX)) {
            ps.setString(1, row.id().toString());
            ps.setString(2, Instants.format(now));
            ps.executeUpdate();
        }
        int ordinal = 0;
        for (AttachmentRef a : attachments) {
            try (PreparedStatement ps = c.prepareStatement(INSERT_ATTACHMENT)) {
                ps.setString(1, a.sha256());
                ps.setLong(2, a.size());
                ps.setString(3, a.mediaType());
                ps.setString(4, Instants.format(now));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(LINK_ATTACHMENT)) {
                ps.setString(1, row.id().toString());
                ps.setInt(2, ordinal++);
                ps.setString(3, a.sha256());
                ps.executeUpdate();
            }
        }
        history(c, row.id(), SubmissionStatus.SEALED, note, now);
    }

    void history(Connection c, UUID id, SubmissionStatus status, String note, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_HISTORY)) {
            ps.setString(1, id.toString());
            ps.setString(2, status.name());
            ps.setString(3, note);
            ps.setString(4, Instants.format(at));
            ps.executeUpdate();
        }
    }

    void fire(SealedSubmission changed) {
        for (Consumer<SealedSubmission> listener : listeners) {
            try {
                listener.accept(changed);
            } catch (RuntimeException e) {
                log.warn("submission[{}]: a status listener failed", changed.id(), e);
            }
        }
    }

    Database db() {
        return db;
    }

    AuditLog audit() {
        return audit;
    }

    Clock clock() {
        return clock;
    }
}
