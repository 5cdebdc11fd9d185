package org.onetrip.store.courier;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.onetrip.store.attachment.AttachmentRef;
import org.onetrip.store.audit.AuditLog;
import org.onetrip.store.db.Database;
import org.onetrip.store.db.Instants;
import org.onetrip.store.submission.SubmissionStore;
import org.onetrip.store.uplink.Sm2;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports this terminal's pending submissions to a courier bundle file and imports other terminals' bundles.
 *
 * <p>Export writes the file (temporary name, fsync, rename) and then records the submissions as couriered; they
 * stay in this terminal's outbox, so it still uploads them when its link returns (the platform dedupes by id).
 * Import verifies the whole bundle (signature, decryption, every body's SM3, every attachment's SHA-256) before
 * it changes anything, then stages the attachment files and writes every new submission — same id, same sealed
 * body — with its outbox row, history, audit entry and {@code courier_import} row in one transaction.
 * Submissions this terminal already has are skipped, so importing a bundle twice is harmless.
 */
public final class CourierStore {
    private static final Logger log = LoggerFactory.getLogger(CourierStore.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    /** File name suffix of courier bundles. */
    public static final String SUFFIX = ".otc";

    private final Database db;
    private final AuditLog audit;
    private final SubmissionStore submissions;
    private final CourierKeys keys;
    private final Clock clock;
    private final Supplier<UUID> ids;
    private final SecureRandom random = new SecureRandom();

    public CourierStore(Database db, AuditLog audit, SubmissionStore submissions, CourierKeys keys, Clock clock,
                        Supplier<UUID> ids) {
        this.db = db;
        this.audit = audit;
        this.submissions = submissions;
        this.keys = keys;
        this.clock = clock;
        this.ids = ids;
    }

    /** What an export wrote. */
    public record Exported(Path file, String bundleId, int submissions, int attachments) {
    }

    /** What an import did: new submissions queued, and those this terminal already had. */
    public record Imported(String bundleId, String originTerminal, int queued, int alreadyHere) {
    }

    private static final String PENDING = """
            SELECT s.id, s.task_code, s.item_name, s.item_version, s.applicant_mask, s.sealed_at, s.promised_by,
                   s.still_to_bring, s.body, s.body_sm3
            FROM outbox o JOIN submission s ON s.id = o.submission_id
            WHERE o.state = 'PENDING'
            ORDER BY s.sealed_at
            """;
    private static final String ATTACHMENTS_OF = """
            SELECT a.sha256, a.size, a.media_type FROM submission_attachment sa JOIN attachment a ON a.sha256 = sa.sha256
            WHERE sa.submission_id = ? ORDER BY sa.ordinal
            """;

    /** How many submissions an export would carry now. */
    public int pendingCount() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM outbox WHERE state = 'PENDING'");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    /**
     * Writes every pending submission (and its attachment files) into a new bundle in {@code dir} and records them as
     * couriered by {@code staffId}. Fails, writing nothing, when there is nothing pending or the directory cannot be
     * written.
     */
    public Exported export(Path dir, String staffId) {
        List<Map<String, Object>> items = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        int[] attachmentCount = {0};
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(PENDING); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> s = new LinkedHashMap<>();
                    s.put("id", rs.getString("id"));
                    s.put("taskCode", rs.getString("task_code"));
                    s.put("itemName", rs.getString("item_name"));
                    s.put("itemVersion", rs.getInt("item_version"));
                    s.put("applicantMask", rs.getString("applicant_mask"));
                    s.put("sealedAt", rs.getString("sealed_at"));
                    s.put("promisedBy", rs.getString("promised_by"));
                    s.put("stillToBring", rs.getString("still_to_bring"));
                    s.put("body", Base64.getEncoder().encodeToString(
                            submissions.openBody(rs.getString("id"), rs.getBytes("body"))));
                    s.put("bodySm3", rs.getString("body_sm3"));
                    items.add(s);
                    ids.add(rs.getString("id"));
                }
            }
            for (Map<String, Object> s : items) {
                List<Map<String, Object>> files = new ArrayList<>();
                for (AttachmentRef ref : attachmentsOf(c, (String) s.get("id"))) {
                    Map<String, Object> a = new LinkedHashMap<>();
                    a.put("sha256", ref.sha256());
                    a.put("size", ref.size());
                    a.put("mediaType", ref.mediaType());
                    a.put("data", Base64.getEncoder().encodeToString(readAttachment(ref)));
                    files.add(a);
                    attachmentCount[0]++;
                }
                s.put("attachments", files);
            }
            return null;
        });
        if (items.isEmpty()) {
            throw new CourierException("courier: nothing to export, no submission is waiting to be sent");
        }
        Instant now = clock.instant();
        String bundleId = this.ids.get().toString();
        byte[] payload = JSON.writeValueAsBytes(Map.of("submissions", items));
        byte[] file = CourierBundle.seal(new CourierBundle.Header(bundleId, submissions.terminalId(), now.toString(),
                items.size()), payload, keys, random);
        Path target = dir.resolve("onetrip-courier-" + submissions.terminalId() + "-" + FILE_TIME.format(now) + "-"
                + bundleId.substring(0, 8) + SUFFIX);
        write(target, file);
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(RECORD_EXPORT)) {
                for (String id : ids) {
                    ps.setString(1, id);
                    ps.setString(2, bundleId);
                    ps.setString(3, Instants.format(now));
                    ps.setString(4, staffId);
                    ps.executeUpdate();
                }
            }
            audit.append(c, staffId, "courier.exported", bundleId, "submissions=" + ids.size() + " attachments="
                    + attachmentCount[0] + " file=" + target.getFileName());
            return null;
        });
        log.info("courier: bundle {} exported to {} ({} submissions, {} attachments)", bundleId, target, ids.size(),
                attachmentCount[0]);
        return new Exported(target, bundleId, ids.size(), attachmentCount[0]);
    }

    private static final String RECORD_EXPORT = """
            INSERT INTO courier_export (submission_id, bundle_id, exported_at, exported_by) VALUES (?, ?, ?, ?)
            """;

    private static List<AttachmentRef> attachmentsOf(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ATTACHMENTS_OF)) {
            ps.setString(1, id);
            List<AttachmentRef> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AttachmentRef(rs.getString(1), rs.getLong(2), rs.getString(3)));
                }
            }
            return out;
        }
    }

    private byte[] readAttachment(AttachmentRef ref) {
        if (!submissions.attachments().isPresent(ref)) {
            throw new CourierException("courier: attachment " + ref.sha256() + " is missing or damaged on this"
                    + " terminal; nothing was exported");
        }
        try {
            return submissions.attachments().read(ref.sha256());
        } catch (IOException e) {
            throw new CourierException("courier: cannot read attachment " + ref.sha256(), e);
        }
    }

    private static void write(Path target, byte[] bytes) {
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.createDirectories(target.getParent());
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(java.nio.ByteBuffer.wrap(bytes));
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new CourierException("courier[" + target.getParent() + "]: cannot write the bundle (is the USB"
                    + " stick mounted and writable?): " + e.getMessage(), e);
        }
    }

    /** One submission of a verified bundle, its body and attachments checked against their digests. */
    private record Incoming(UUID id, JsonNode meta, byte[] body, List<Map.Entry<AttachmentRef, byte[]>> files) {
    }

    /**
     * Verifies the bundle in {@code file} and queues its submissions this terminal does not have yet for upload
     * under their original ids, recorded as imported by {@code staffId}.
     *
     * @throws CourierException when the bundle is refused; then nothing was changed
     */
    public Imported importBundle(Path file, String staffId) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CourierException("courier[" + file + "]: cannot read the file: " + e.getMessage(), e);
        }
        String name = file.getFileName().toString();
        CourierBundle.Opened opened = CourierBundle.open(name, bytes, keys);
        List<Incoming> incoming = parse(name, opened);
        for (Incoming in : incoming) {
            for (Map.Entry<AttachmentRef, byte[]> f : in.files()) {
                submissions.attachments().stage(f.getValue(), f.getKey().mediaType());
            }
        }
        Instant now = clock.instant();
        CourierBundle.Header h = opened.header();
        int[] skipped = {0};
        int queued = db.inTransaction(c -> {
            int n = 0;
            for (Incoming in : incoming) {
                if (known(c, in.id())) {
                    skipped[0]++;
                    continue;
                }
                insert(c, in, h, staffId, now);
                n++;
            }
            audit.append(c, staffId, "courier.imported", h.bundleId(), "origin=" + h.originTerminal() + " queued=" + n
                    + " alreadyHere=" + skipped[0]);
            return n;
        });
        log.info("courier: bundle {} from {} imported: {} queued, {} already here", h.bundleId(), h.originTerminal(),
                queued, skipped[0]);
        return new Imported(h.bundleId(), h.originTerminal(), queued, skipped[0]);
    }

    private static List<Incoming> parse(String name, CourierBundle.Opened opened) {
        List<Incoming> out = new ArrayList<>();
        try {
            for (JsonNode s : JSON.readTree(opened.payload()).path("submissions")) {
                UUID id = UUID.fromString(s.path("id").asString(""));
                byte[] body = Base64.getDecoder().decode(s.path("body").asString(""));
                if (!Sm2.sm3Hex(body).equals(s.path("bodySm3").asString(""))) {
                    throw new CourierException("courier[" + name + "]: submission " + id + " is damaged (SM3 differs)");
                }
                List<Map.Entry<AttachmentRef, byte[]>> files = new ArrayList<>();
                for (JsonNode a : s.path("attachments")) {
                    byte[] data = Base64.getDecoder().decode(a.path("data").asString(""));
                    AttachmentRef ref = new AttachmentRef(a.path("sha256").asString(""), data.length,
                            a.path("mediaType").asString("application/octet-stream"));
                    if (!sha256Hex(data).equals(ref.sha256())) {
                        throw new CourierException("courier[" + name + "]: attachment " + ref.sha256() + " of " + id
                                + " is damaged (SHA-256 differs)");
                    }
                    files.add(Map.entry(ref, data));
                }
                out.add(new Incoming(id, s, body, files));
            }
        } catch (JacksonException | IllegalArgumentException e) {
            throw new CourierException("courier[" + name + "]: the bundle's content is damaged", e);
        }
        if (out.size() != opened.header().count()) {
            throw new CourierException("courier[" + name + "]: the bundle says " + opened.header().count()
                    + " submissions but holds " + out.size());
        }
        return out;
    }

    private static boolean known(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM submission WHERE id = ?")) {
            ps.setString(1, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static final String RECORD_IMPORT = """
            INSERT INTO courier_import (submission_id, bundle_id, origin_terminal, imported_at, imported_by)
            VALUES (?, ?, ?, ?, ?)
            """;

    private void insert(Connection c, Incoming in, CourierBundle.Header h, String staffId, Instant now)
            throws SQLException {
        JsonNode m = in.meta();
        String id = in.id().toString();
        String idNumber = JSON.readTree(in.body()).path("applicant").path("idNumber").asString("");
        List<AttachmentRef> attachments = in.files().stream().map(Map.Entry::getKey).toList();
        submissions.insertSealed(c, new SubmissionStore.StoredSeal(in.id(), m.path("taskCode").asString(""),
                m.path("itemName").asString(""), m.path("itemVersion").asInt(), submissions.applicantKey(idNumber),
                m.path("applicantMask").asString(""), m.path("sealedAt").asString(""),
                m.path("promisedBy").isString() ? m.path("promisedBy").stringValue() : null,
                m.path("stillToBring").asString(""), in.body(), m.path("bodySm3").asString("")),
                attachments, "courier " + h.bundleId() + " from " + h.originTerminal(), now);
        try (PreparedStatement ps = c.prepareStatement(RECORD_IMPORT)) {
            ps.setString(1, id);
            ps.setString(2, h.bundleId());
            ps.setString(3, h.originTerminal());
            ps.setString(4, Instants.format(now));
            ps.setString(5, staffId);
            ps.executeUpdate();
        }
        audit.append(c, staffId, "submission.couriered-in", id, "bundle=" + h.bundleId());
    }

    private static String sha256Hex(byte[] data) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
